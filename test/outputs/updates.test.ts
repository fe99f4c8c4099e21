import { describe, expect, it } from 'vitest';
import { updatesJson, UPDATES_DAYS } from '../../src/outputs/api-v1.ts';
import { updateId } from '../../src/outputs/links.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import type { Update } from '../../src/core/types.ts';
import { at, content, incident, testSite } from '../builders.ts';

const DAY = 86_400_000;

function update(status: Update['status'], time: number, line = 1): Update {
  return { status, at: time, text: { en: { html: '', markdown: '' } }, line };
}

describe('updatesJson', () => {
  const now = at('2025-06-01 00:00');

  it('lists every update with its id, incident, status, time in UTC and address, newest first', () => {
    const power = incident('2025-05-20 10:00', '2025-05-20 11:00', {
      id: 'power',
      updates: [update('resolved', at('2025-05-20 11:05')), update('investigating', at('2025-05-20 10:10'))],
    });
    const api = updatesJson(computeLedger(content([power]), now), testSite);
    expect(api).toEqual({
      generatedAt: '2025-05-31T16:00:00.000Z',
      updates: [
        {
          id: 'power#update-20250520T030500-resolved',
          incident: 'power',
          status: 'resolved',
          time: '2025-05-20T03:05:00.000Z',
          url: 'https://status.test/incidents/power/#update-20250520T030500-resolved',
        },
        {
          id: 'power#update-20250520T021000-investigating',
          incident: 'power',
          status: 'investigating',
          time: '2025-05-20T02:10:00.000Z',
          url: 'https://status.test/incidents/power/#update-20250520T021000-investigating',
        },
      ],
    });
  });

  it.each([
    ['exactly 90 days before now', 0, true],
    ['a second inside the 90 days', 1000, true],
    ['a second before the 90 days', -1000, false],
  ])('keeps a resolved incident\'s update %s: %s', (_, shift, kept) => {
    const time = now - UPDATES_DAYS * DAY + shift;
    const old = incident('2025-01-01 00:00', '2025-01-01 00:10', { id: 'old', started: time - 60_000, resolved: time, updates: [update('resolved', time)] });
    const ids = updatesJson(computeLedger(content([old]), now), testSite).updates.map((entry) => entry.incident);
    expect(ids).toEqual(kept ? ['old'] : []);
  });

  it('keeps every update of an incident still open, however old, and of an upcoming maintenance', () => {
    const open = incident('2025-01-01 00:00', null, { id: 'open', updates: [update('investigating', at('2025-01-01 00:05'))] });
    const resolvedLater = incident('2025-01-02 00:00', '2025-06-02 00:00', { id: 'resolved-after-now', updates: [update('identified', at('2025-01-02 00:05'))] });
    const upcoming = incident('2025-06-10 01:00', null, {
      id: 'upcoming',
      kind: 'maintenance',
      level: 'under-maintenance',
      scheduled: { from: at('2025-06-10 01:00'), to: at('2025-06-10 02:00') },
      updates: [update('scheduled', at('2025-05-31 10:00'))],
    });
    const ids = updatesJson(computeLedger(content([open, resolvedLater, upcoming]), now), testSite).updates.map((entry) => entry.incident);
    expect(ids).toEqual(['upcoming', 'resolved-after-now', 'open']);
  });

  it("keeps the timeline's order (newest first, as the contract resolves it) for updates at the same time", () => {
    const same = at('2025-05-30 10:00');
    for (const order of [['identified', 'update'], ['update', 'identified']] as const) {
      const both = incident('2025-05-30 09:00', null, { id: 'same', updates: order.map((status, index) => update(status, same, 10 - index)) });
      const statuses = updatesJson(computeLedger(content([both]), now), testSite).updates.map((entry) => entry.status);
      expect(statuses).toEqual(order);
    }
  });

  it('gives every update an id that is unique across incidents and the same in every build', () => {
    const time = at('2025-05-30 10:00');
    const a = incident('2025-05-30 09:00', null, { id: 'a', updates: [update('investigating', time)] });
    const b = incident('2025-05-30 09:00', null, { id: 'b', updates: [update('investigating', time)] });
    const first = updatesJson(computeLedger(content([a, b]), now), testSite).updates.map((entry) => entry.id);
    const later = updatesJson(computeLedger(content([b, a]), now + DAY), testSite).updates.map((entry) => entry.id);
    expect(new Set(first).size).toBe(2);
    expect(later.toSorted()).toEqual(first.toSorted());
    expect(updateId(a, a.updates[0]!)).toBe('a#update-20250530T020000-investigating');
  });
});
