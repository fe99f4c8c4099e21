import { describe, expect, it } from 'vitest';
import { availabilityPercent, creditPercent, tierFor, truncatePercent } from '../../src/core/compensation.ts';
import { monthFigures } from '../../src/core/monthly-report.ts';
import type { ImpactWindow } from '../../src/core/impact-windows.ts';
import { monthMinutes, monthRange } from '../../src/core/time.ts';
import { fixedCreditPolicy, standardPolicy } from '../builders.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** One major-outage window of `ms` milliseconds from the start of `month` in the policy's zone. */
function downtime(month: string, ms: number, policy = standardPolicy()): ImpactWindow[] {
  const from = monthRange(month, policy.timeZone).from + 3 * 24 * 60 * MINUTE;
  return [{ incident: 'x', service: 'ecs', level: 'major-outage', cause: 'platform', from, to: from + ms, open: false, settled: true, announced: false }];
}

describe('monthFigures', () => {
  describe("DESIGN's worked checks (standard policy, Asia/Shanghai)", () => {
    it.each([
      { what: '20 min in April 2024', month: '2024-04', minutes: 20, availability: 99.9537, tier: null, credit: 0 },
      { what: '23 min in July 2024', month: '2024-07', minutes: 23, availability: 99.9485, tier: 'prorated', credit: 0.0515 },
      { what: '432 min in September 2024', month: '2024-09', minutes: 432, availability: 99, tier: 'prorated', credit: 1 },
      { what: '433 min in September 2024', month: '2024-09', minutes: 433, availability: 98.9977, tier: 'prorated-plus', credit: 11.0023 },
    ])('$what gives $availability%, tier $tier, credit $credit%', ({ month, minutes, availability, tier, credit }) => {
      const figures = monthFigures(downtime(month, minutes * MINUTE), standardPolicy(), month);
      expect(figures.minutes).toBe(minutes);
      expect(figures.availability).toBeCloseTo(availability, 4);
      expect(figures.tier?.id ?? null).toBe(tier);
      expect(figures.creditPercent).toBeCloseTo(credit, 4);
    });

    it('432 min in September 2024 is exactly 99% and exactly 1% credit', () => {
      const figures = monthFigures(downtime('2024-09', 432 * MINUTE), standardPolicy(), '2024-09');
      expect(figures.availability).toBe(99);
      expect(figures.creditPercent).toBe(1);
    });
  });

  describe('boundaries are exact, for every month length', () => {
    const months = [
      { month: '2023-02', days: 28 },
      { month: '2024-02', days: 29 },
      { month: '2024-09', days: 30 },
      { month: '2024-07', days: 31 },
    ];
    it.each(months)('$month has $days × 1440 minutes', ({ month, days }) => {
      expect(monthMinutes(month)).toBe(days * 1440);
    });

    it.each(months)('exactly 99.95% in $month ($days days) owes nothing', ({ month, days }) => {
      const ms = days * 1440 * MINUTE * 0.0005;
      const figures = monthFigures(downtime(month, ms), standardPolicy(), month);
      expect(figures.tier).toBeNull();
      expect(figures.creditPercent).toBe(0);
      expect(truncatePercent(figures.availability)).toBe('99.950');
    });

    it.each(months)('one second below 99.95% in $month falls into the pro-rated tier', ({ month, days }) => {
      const ms = days * 1440 * MINUTE * 0.0005 + SECOND;
      const figures = monthFigures(downtime(month, ms), standardPolicy(), month);
      expect(figures.tier?.id).toBe('prorated');
      expect(figures.creditPercent).toBeCloseTo((100 * ms) / (days * 1440 * MINUTE), 10);
      expect(truncatePercent(figures.availability)).toBe('99.949');
    });

    it.each(months)('exactly 99% in $month is pro-rated only; one second more adds the service credit', ({ month, days }) => {
      const ms = days * 1440 * MINUTE * 0.01;
      expect(monthFigures(downtime(month, ms), standardPolicy(), month).tier?.id).toBe('prorated');
      const below = monthFigures(downtime(month, ms + SECOND), standardPolicy(), month);
      expect(below.tier?.id).toBe('prorated-plus');
      expect(below.creditPercent).toBeCloseTo(1 + 10 + (100 * SECOND) / (days * 1440 * MINUTE), 10);
    });

    it('21.6 minutes in a 30-day month is exactly 99.95% and owes nothing', () => {
      const figures = monthFigures(downtime('2024-11', 21.6 * MINUTE), standardPolicy(), '2024-11');
      expect(figures.availability).toBe(99.95);
      expect(figures.tier).toBeNull();
    });
  });

  describe('credit', () => {
    it('never exceeds the cap', () => {
      const policy = standardPolicy({ capPercent: 10 });
      const figures = monthFigures(downtime('2024-09', 433 * MINUTE, policy), policy, '2024-09');
      expect(figures.tier?.id).toBe('prorated-plus');
      expect(figures.creditPercent).toBe(10);
    });

    it('is the fixed share alone when the tier is not pro-rated', () => {
      const policy = fixedCreditPolicy();
      const cases = [
        { ms: 4 * MINUTE, tier: null, credit: 0 }, // 99.9907% in a 30-day month
        { ms: 5 * MINUTE, tier: 'tenth', credit: 10 },
        { ms: 432 * MINUTE + SECOND, tier: 'quarter', credit: 25 },
        { ms: 2160 * MINUTE + SECOND, tier: 'full', credit: 100 },
      ];
      for (const { ms, tier, credit } of cases) {
        const figures = monthFigures(downtime('2024-09', ms, policy), policy, '2024-09');
        expect(figures.tier?.id ?? null).toBe(tier);
        expect(figures.creditPercent).toBe(credit);
      }
    });

    it('is a month-long outage at most, whatever DST adds to the month', () => {
      expect(availabilityPercent(43_260, 43_200)).toBe(0);
      const policy = standardPolicy();
      expect(creditPercent(policy, tierFor(policy, 0), 43_260, 43_200)).toBe(100);
    });
  });
});

describe('tierFor', () => {
  it('returns the tier with the smallest `below` above the availability', () => {
    const policy = fixedCreditPolicy();
    expect(tierFor(policy, 99.995)).toBeNull();
    expect(tierFor(policy, 99.99)).toBeNull();
    expect(tierFor(policy, 99.98)?.id).toBe('tenth');
    expect(tierFor(policy, 99)?.id).toBe('tenth');
    expect(tierFor(policy, 98.5)?.id).toBe('quarter');
    expect(tierFor(policy, 94.9)?.id).toBe('full');
  });
});

describe('truncatePercent', () => {
  it.each([
    [99.94993, '99.949'],
    [99.95, '99.950'],
    [99.94999999999999, '99.950'],
    [99.9999, '99.999'],
    [100, '100.000'],
    [0, '0.000'],
  ])('shows %d as %s', (value, shown) => {
    expect(truncatePercent(value)).toBe(shown);
  });
});
