import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/contract/markdown.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import { formatList, incidentStatusLabel, taskWords } from '../../src/i18n/format.ts';
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
