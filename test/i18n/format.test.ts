import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/contract/markdown.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import { formatDate, formatDayRange, formatList, formatMonth, incidentStatusLabel, taskWords } from '../../src/i18n/format.ts';
import { MESSAGES } from '../../src/i18n/messages.ts';
import { at, content, incident } from '../builders.ts';

const en = MESSAGES.en;
const zh = MESSAGES['zh-CN'];

describe('taskWords', () => {
  const html = renderMarkdown('- [x] Second power feed\n- [ ] Failover drill');

  it('leaves the renderer’s marks without words: it has no language', () => {
    expect(html).toContain('<span class="task done">✓</span> Second power feed');
    expect(html).not.toMatch(/Done|Open/);
  });

  it.each([
    [en, '✓ Done:</span> ', '○ Open:</span> '],
    [zh, '✓ 已完成：</span>', '○ 未完成：</span>'],
  ])('puts the words of the language after each mark, and its gap', (t, done, open) => {
    const worded = taskWords(html, t);
    expect(worded).toContain(`<span class="task done">${done}Second power feed`);
    expect(worded).toContain(`<span class="task open">${open}Failover drill`);
  });

  it('never turns text an editor wrote into a mark', () => {
    const written = renderMarkdown('<span class="task done">✓</span> not a task');
    expect(taskWords(written, en)).toBe(written);
  });
});

describe('formatList', () => {
  it.each([
    ['en', ['customer'], 'customer'],
    ['en', ['customer', 'third party'], 'customer and third party'],
    ['en', ['customer', 'third party', 'force majeure'], 'customer, third party and force majeure'],
    ['zh-CN', ['客户', '第三方'], '客户和第三方'],
    ['zh-CN', ['客户', '第三方', '不可抗力'], '客户、第三方和不可抗力'],
  ] as const)('joins a list in running text with the conjunction of the language (%s: %j)', (locale, items, joined) => {
    expect(formatList(items, locale === 'en' ? en : zh)).toBe(joined);
  });
});

describe('incidentStatusLabel', () => {
  it('calls a finished maintenance Completed and a finished incident Resolved', () => {
    const maintenance = incident('2025-01-18 01:00', '2025-01-18 03:00', { kind: 'maintenance', level: 'under-maintenance', scheduled: { from: at('2025-01-18 01:00'), to: at('2025-01-18 03:00') } });
    const outage = incident('2025-01-18 01:00', '2025-01-18 03:00');
    const ledger = computeLedger(content([maintenance, outage]), at('2025-02-01 00:00'));
    expect(ledger.byId.get(maintenance.id)!.status).toBe('resolved');
    expect(incidentStatusLabel(ledger.byId.get(maintenance.id)!, en)).toBe('Completed');
    expect(incidentStatusLabel(ledger.byId.get(maintenance.id)!, zh)).toBe('已完成');
    expect(incidentStatusLabel(ledger.byId.get(outage.id)!, en)).toBe('Resolved');
  });
});

describe('formatDate, formatDayRange and formatMonth', () => {
  it.each([
    [en, '20 Nov 2026', '28 Sep – 3 Oct', '2–5 Oct', '6 Oct', 'November 2026'],
    [zh, '2026年11月20日', '9月28日至10月3日', '10月2日至5日', '10月6日', '2026年11月'],
  ])('format calendar dates in the page’s language with date-fns (%#)', (t, date, across, within, one, month) => {
    expect(formatDate('2026-11-20', t)).toBe(date);
    expect(formatDayRange('2026-09-28', '2026-10-03', t)).toBe(across);
    expect(formatDayRange('2026-10-02', '2026-10-05', t)).toBe(within);
    expect(formatDayRange('2026-10-06', '2026-10-06', t)).toBe(one);
    expect(formatMonth('2026-11', t)).toBe(month);
  });

  // Each zone formats days of its own (formatted dates are kept): nights DST changed in São Paulo, and zones at ±11 h and more.
  it.each([
    ['UTC', '2017-10-15', '15 Oct 2017', '2017年10月15日'],
    ['America/Sao_Paulo', '2018-11-04', '4 Nov 2018', '2018年11月4日'],
    ['Pacific/Kiritimati', '2019-02-17', '17 Feb 2019', '2019年2月17日'],
    ['Pacific/Pago_Pago', '2016-10-16', '16 Oct 2016', '2016年10月16日'],
  ])('never shifts a day, whatever the machine’s zone (%s)', (zone, day, english, chinese) => {
    const previous = process.env.TZ;
    process.env.TZ = zone;
    try {
      expect(formatDate(day, en)).toBe(english);
      expect(formatDate(day, zh)).toBe(chinese);
    } finally {
      process.env.TZ = previous;
    }
  });
});
