import { describe, expect, it } from 'vitest';
import { computeLedger } from '../../src/core/ledger.ts';
import { figuresState } from '../../src/core/monthly-report.ts';
import type { Cause } from '../../src/core/levels.ts';
import type { Incident, Policy } from '../../src/core/types.ts';
import { at, content, incident, standardPolicy } from '../builders.ts';

const NOW = at('2025-06-01 00:00');

/** The ecs service's monthly report for the given incidents. */
function report(incidents: Incident[], options: { now?: number; policy?: Policy } = {}) {
  const policy = options.policy ?? standardPolicy();
  const ledger = computeLedger(content(incidents, { policies: [policy] }), options.now ?? NOW);
  return ledger.services.find((entry) => entry.service.id === 'ecs')!.months;
}

describe('monthlyReports', () => {
  it('splits a window crossing midnight on the 1st between the months (DESIGN check)', () => {
    const months = report([incident('2024-03-31 23:00+08:00', '2024-04-01 01:30+08:00')]);
    expect(months.map((month) => [month.month, month.minutes])).toEqual([
      ['2024-03', 60],
      ['2024-04', 90],
    ]);
  });

  it('counts overlapping incidents once (DESIGN check: 70 minutes, not 80)', () => {
    const months = report([incident('2024-05-02 10:00', '2024-05-02 10:40'), incident('2024-05-02 10:30', '2024-05-02 11:10')]);
    expect(months[0]!.minutes).toBe(70);
    expect(months[0]!.incidents).toHaveLength(2);
  });

  it('counts an overlap of two levels at the higher weight', () => {
    const months = report([
      incident('2024-05-02 10:00', '2024-05-02 10:30', { level: 'major-outage' }),
      incident('2024-05-02 10:15', '2024-05-02 11:15', { level: 'partial-outage' }),
    ]);
    // 30 min at weight 1, then 45 min of partial outage alone at 0.3.
    expect(months[0]!.minutes).toBeCloseTo(43.5, 10);
  });

  it('counts a degraded window inside a major one as nothing extra', () => {
    const months = report([
      incident('2024-05-02 10:00', '2024-05-02 11:00', { level: 'major-outage' }),
      incident('2024-05-02 10:10', '2024-05-02 10:20', { level: 'degraded-performance' }),
      incident('2024-05-02 12:00', '2024-05-02 13:00', { level: 'degraded-performance' }),
    ]);
    expect(months[0]!.minutes).toBe(60);
  });

  describe('months are cut in the policy zone', () => {
    const crossing = () => incident('2024-06-30T23:30Z', '2024-07-01T00:30Z');
    it('splits at midnight UTC for a UTC policy', () => {
      const months = report([crossing()], { policy: standardPolicy({ timeZone: 'UTC' }), now: at('2024-09-01 00:00') });
      expect(months.map((month) => [month.month, month.minutes])).toEqual([
        ['2024-06', 30],
        ['2024-07', 30],
      ]);
    });
    it('keeps it in one month in Asia/Shanghai, where it is 07:30 to 08:30 on July 1st', () => {
      const months = report([crossing()], { now: at('2024-09-01 00:00') });
      expect(months.map((month) => [month.month, month.minutes])).toEqual([['2024-07', 60]]);
    });
    it('splits at Shanghai midnight, which is 16:00 UTC the day before', () => {
      const months = report([incident('2024-06-30T15:00Z', '2024-06-30T17:00Z')], { now: at('2024-09-01 00:00') });
      expect(months.map((month) => [month.month, month.minutes])).toEqual([
        ['2024-06', 60],
        ['2024-07', 60],
      ]);
    });
  });

  describe('across a DST change in America/New_York', () => {
    const policy = standardPolicy({ timeZone: 'America/New_York' });
    it('counts real minutes: 01:00 to 04:00 on the spring-forward night is two hours', () => {
      const months = report([incident('2024-03-10 01:00', '2024-03-10 04:00', { zone: 'America/New_York' })], {
        policy,
        now: at('2024-06-01 00:00'),
      });
      expect(months[0]!.minutes).toBe(120);
      expect(months[0]!.monthMinutes).toBe(31 * 1440);
    });
    it('cuts months at local midnight in daylight time (04:00 UTC)', () => {
      const months = report([incident('2024-11-01T03:00Z', '2024-11-01T05:00Z')], { policy, now: at('2025-01-01 00:00') });
      expect(months.map((month) => [month.month, month.minutes])).toEqual([
        ['2024-10', 60],
        ['2024-11', 60],
      ]);
    });
    it('caps a month-long outage in the month with 25-hour day at the month’s minutes', () => {
      const months = report([incident('2024-11-01T04:00Z', '2024-12-01T05:00Z')], { policy, now: at('2025-01-01 00:00') });
      const november = months.find((month) => month.month === '2024-11')!;
      expect(november.minutes).toBe(30 * 1440);
      expect(november.availability).toBe(0);
      expect(november.tier?.id).toBe('prorated-plus');
      expect(november.creditPercent).toBe(100);
    });
  });

  describe('causes', () => {
    it.each<Cause>(['customer', 'third-party', 'force-majeure', 'maintenance'])('excludes %s impact from the SLA', (cause) => {
      const months = report([incident('2024-05-02 10:00', '2024-05-02 19:00', { cause })]);
      expect(months[0]!.minutes).toBe(0);
      expect(months[0]!.availability).toBe(100);
      expect(months[0]!.incidents).toHaveLength(1);
    });
    it('counts platform impact, and impact with no cause yet as platform', () => {
      expect(report([incident('2024-05-02 10:00', '2024-05-02 10:30', { cause: 'platform' })])[0]!.minutes).toBe(30);
      expect(report([incident('2024-05-02 10:00', '2024-05-02 10:30', { cause: null })])[0]!.minutes).toBe(30);
    });
    it('counts a cause the policy does not exclude', () => {
      const policy = standardPolicy({ excludedCauses: ['customer'] });
      expect(report([incident('2024-05-02 10:00', '2024-05-02 10:30', { cause: 'third-party' })], { policy })[0]!.minutes).toBe(30);
    });
  });

  describe('maintenance', () => {
    const maintenance = (started: string, resolved: string | null) =>
      incident(started, resolved, {
        kind: 'maintenance',
        cause: 'maintenance',
        level: 'under-maintenance',
        scheduled: { from: at('2024-05-04 01:00'), to: at('2024-05-04 03:00') },
      });
    it('costs nothing inside its announced window', () => {
      expect(report([maintenance('2024-05-04 01:00', '2024-05-04 02:30')])[0]!.minutes).toBe(0);
    });
    it('counts an overrun as platform downtime', () => {
      expect(report([maintenance('2024-05-04 01:00', '2024-05-04 04:00')])[0]!.minutes).toBe(60);
    });
    it('counts work started early as platform downtime too', () => {
      expect(report([maintenance('2024-05-04 00:30', '2024-05-04 03:10')])[0]!.minutes).toBe(40);
    });
    it('weighs an overrun at the policy’s under-maintenance weight', () => {
      const policy = standardPolicy({ weights: { ...standardPolicy().weights, 'under-maintenance': 0.5 } });
      expect(report([maintenance('2024-05-04 01:00', '2024-05-04 04:00')], { policy })[0]!.minutes).toBe(30);
    });
  });

  describe('final and provisional', () => {
    it('is final once the month is over and nothing on it is open', () => {
      expect(report([incident('2024-05-02 10:00', '2024-05-02 10:30')])[0]!.final).toBe(true);
    });
    it('is provisional while the month goes on', () => {
      const months = report([incident('2024-05-02 10:00', '2024-05-02 10:30')], { now: at('2024-05-20 00:00') });
      expect(months[0]!.final).toBe(false);
    });
    it('keeps every month an ongoing incident touches provisional, and ends it at now', () => {
      const months = report([incident('2024-04-30 23:00', null)], { now: at('2024-05-01 01:00') });
      expect(months.map((month) => [month.month, month.minutes, month.final])).toEqual([
        ['2024-04', 60, false],
        ['2024-05', 60, false],
      ]);
    });
    it('treats a resolution written after now as still ongoing', () => {
      const months = report([incident('2024-04-30 23:00', '2024-05-01 05:00')], { now: at('2024-05-01 01:00') });
      expect(months.map((month) => [month.minutes, month.final])).toEqual([
        [60, false],
        [60, false],
      ]);
    });
  });

  it('ignores notices', () => {
    expect(report([incident('2024-05-02 10:00', '2024-05-02 19:00', { kind: 'notice' })])).toEqual([]);
  });
});

describe('figuresState', () => {
  const january = { from: at('2025-01-01 00:00'), to: at('2025-02-01 00:00') };
  it.each([
    ['final once the month is over and nothing in it is open', { final: true, range: january }, at('2025-02-01 00:00'), 'final'],
    ['month-open while the month goes on', { final: false, range: january }, at('2025-02-01 00:00') - 1, 'month-open'],
    ['incident-open when the month is over but a window in it is still open', { final: false, range: january }, at('2025-02-01 00:00'), 'incident-open'],
  ])('is %s', (_, month, now, state) => {
    expect(figuresState(month, now)).toBe(state);
  });

  it('says incident-open for a month an outage still holds after it ended', () => {
    const ledger = computeLedger(content([incident('2025-01-31 23:00', null)]), at('2025-02-02 00:00'));
    const [january, february] = ledger.services.find((entry) => entry.service.id === 'ecs')!.months;
    expect(figuresState(january!, ledger.now)).toBe('incident-open');
    expect(figuresState(february!, ledger.now)).toBe('month-open');
  });
});
