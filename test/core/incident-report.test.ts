import { describe, expect, it } from 'vitest';
import { affectedLevel, impactRows, servicesOwed, shownLevel } from '../../src/core/incident-report.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import type { Incident } from '../../src/core/types.ts';
import { at, content, incident } from '../builders.ts';

/** The incident's entry in a ledger computed at `now`. */
function entry(subject: Incident, now: number) {
  return computeLedger(content([subject]), now).byId.get(subject.id)!;
}

/** An open incident: `ecs` at a major outage from 02:00 to `ecsTo`, `oss` at a partial outage from 02:00 and still open. */
function openIncident(ecsTo: string | null, ossTo: string | null) {
  const started = at('2025-01-18 02:00');
  return incident('2025-01-18 02:00', null, {
    affected: [
      { service: 'ecs', level: 'major-outage', from: started, to: ecsTo === null ? null : at(ecsTo) },
      { service: 'oss', level: 'partial-outage', from: started, to: ossTo === null ? null : at(ossTo) },
    ],
  });
}

const maintenance = incident('2025-05-04 01:00', '2025-05-04 03:00', {
  kind: 'maintenance',
  cause: 'maintenance',
  level: 'under-maintenance',
  scheduled: { from: at('2025-05-04 01:00'), to: at('2025-05-04 03:00') },
});

describe('shownLevel', () => {
  it.each([
    ['an active incident shows the worst level open now', openIncident(null, null), at('2025-01-18 03:00'), 'major-outage'],
    ['an active incident whose worst window ended shows the worst one still open', openIncident('2025-01-18 02:30', null), at('2025-01-18 03:00'), 'partial-outage'],
    // Typical while Monitoring: every service is back, the incident is not resolved yet.
    ['an active incident whose windows have all ended shows the worst level it gave', openIncident('2025-01-18 02:30', '2025-01-18 02:40'), at('2025-01-18 03:00'), 'major-outage'],
    ['a resolved incident shows the worst level it gave', incident('2025-01-18 02:00', '2025-01-18 03:00', { level: 'partial-outage' }), at('2025-02-01 00:00'), 'partial-outage'],
    ['a maintenance in progress shows its level', maintenance, at('2025-05-04 02:00'), 'under-maintenance'],
    ['an upcoming maintenance shows none', maintenance, at('2025-05-03 12:00'), undefined],
    ['a completed maintenance shows none', maintenance, at('2025-05-05 00:00'), undefined],
    ['a notice shows none', incident('2025-01-18 02:00', null, { kind: 'notice', affected: [] }), at('2025-01-18 03:00'), undefined],
  ])('%s', (_, subject, now, level) => {
    expect(shownLevel(entry(subject, now))).toBe(level);
  });
});

describe('affectedLevel', () => {
  const window = { service: 'ecs', level: 'under-maintenance' as const, from: at('2025-05-04 01:00'), to: null };

  it.each([
    ['before the window starts', '2025-05-04 00:59', undefined],
    ['when it starts', '2025-05-04 01:00', 'under-maintenance'],
    ['while it goes on', '2025-05-04 02:00', 'under-maintenance'],
  ])('is %s: %s', (_, now, level) => {
    expect(affectedLevel(window, at(now))).toBe(level);
  });
});

describe('servicesOwed', () => {
  it('lists each service with a credit once, in the rows’ order: the estimator asks a fee for each', () => {
    const both = incident('2025-01-18 02:00', '2025-01-18 03:00', { services: ['oss', 'ecs'] });
    const rows = impactRows(entry(both, at('2025-03-01 00:00')));
    expect(servicesOwed(rows)).toEqual(['oss', 'ecs']);
    expect(servicesOwed(rows.filter((row) => row.service === 'ecs'))).toEqual(['ecs']);
  });
});
