import { describe, expect, it, vi } from 'vitest';
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
  it('joins with the language’s separator', () => {
    expect(formatList(['customer', 'maintenance'], en)).toBe('customer, maintenance');
    expect(formatList(['客户', '维护'], zh)).toBe('客户、维护');
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
    [en, '20 Nov 2026', '28 Sept\u2009\u2013\u20093 Oct', 'November 2026'],
    [zh, '2026年11月20日', '9/28 \u2013 10/3', '2026年11月'],
  ])('format calendar dates in the page’s language (%#)', (t, date, range, month) => {
    expect(formatDate('2026-11-20', t)).toBe(date);
    expect(formatDayRange('2026-09-28', '2026-10-03', t)).toBe(range);
    expect(formatMonth('2026-11', t)).toBe(month);
  });

  it('make one formatter per language and format however many dates a build formats', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      for (let day = 1; day <= 28; day++) {
        formatDate(`2031-02-${String(day).padStart(2, '0')}`, en);
        formatDayRange('2031-02-01', `2031-02-${String(day).padStart(2, '0')}`, en);
      }
      expect(made.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      made.mockRestore();
    }
  });
});
