import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incidentsPages } from '../../src/outputs/api-v1.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import { CAUSES, IMPACT_LEVELS } from '../../src/core/levels.ts';
import type { Incident } from '../../src/core/types.ts';
import { weightedMinutes } from '../../src/core/weighted-downtime.ts';
import { content, en, standardPolicy, testSite } from '../builders.ts';

const START = Date.parse('2024-01-01T00:00:00Z');
const SPAN = 200 * 24 * 3_600_000;
const NOW = START + SPAN + 86_400_000;

/** An incident on ecs and/or oss somewhere in the first 200 days of 2024, up to a week long, to the second. */
const incidentArbitrary = fc
  .record({
    offset: fc.integer({ min: 0, max: SPAN / 1000 }),
    length: fc.integer({ min: 1, max: 7 * 86_400 }),
    level: fc.constantFrom(...IMPACT_LEVELS),
    cause: fc.constantFrom(...CAUSES, null),
    services: fc.subarray(['ecs', 'oss'], { minLength: 1 }),
  })
  .map(({ offset, length, level, cause, services }, ): Omit<Incident, 'id'> => {
    const started = START + offset * 1000;
    const resolved = started + length * 1000;
    return {
      path: 'p.md',
      kind: 'incident',
      title: en('t'),
      cause,
      started,
      resolved,
      level,
      scheduled: null,
      affected: services.map((service) => ({ service, level, from: started, to: resolved })),
      summary: en(''),
      updates: [],
      postmortem: null,
      translations: {},
      source: null,
    };
  });

const incidentsArbitrary = fc
  .array(incidentArbitrary, { maxLength: 25 })
  .map((list) => list.map((entry, index): Incident => ({ ...entry, id: `i${index}` })));

const rangesArbitrary = fc.array(
  fc.record({ from: fc.integer({ min: 0, max: 1e7 }), length: fc.integer({ min: 0, max: 1e6 }), weight: fc.constantFrom(0, 0.3, 0.5, 1) }).map(
    ({ from, length, weight }) => ({ from, to: from + length, weight }),
  ),
  { maxLength: 30 },
);

/** A policy that counts every cause, so minutes can be compared with the raw union. */
const countingEverything = standardPolicy({ excludedCauses: [] });

describe('invariants', () => {
  it('downtime never exceeds the month, and availability stays within 0 to 100', () => {
    fc.assert(
      fc.property(incidentsArbitrary, (incidents) => {
        for (const entry of computeLedger(content(incidents), NOW).services) {
          for (const month of entry.months) {
            expect(month.minutes).toBeLessThanOrEqual(month.monthMinutes);
            expect(month.availability).toBeGreaterThanOrEqual(0);
            expect(month.availability).toBeLessThanOrEqual(100);
            expect(month.creditPercent).toBeLessThanOrEqual(countingEverything.capPercent);
          }
        }
      }),
    );
  });

  it('splitting by month conserves minutes', () => {
    fc.assert(
      fc.property(incidentsArbitrary, (incidents) => {
        const ledger = computeLedger(content(incidents, { policies: [countingEverything] }), NOW);
        for (const entry of ledger.services) {
          const ranges = entry.windows.map((window) => ({ ...window, weight: countingEverything.weights[window.level] }));
          const whole = weightedMinutes(ranges, { from: 0, to: NOW });
          const split = entry.months.reduce((sum, month) => sum + month.minutes, 0);
          expect(split).toBeCloseTo(whole, 6);
        }
      }),
    );
  });

  it('the order of incidents changes nothing', () => {
    fc.assert(
      fc.property(incidentsArbitrary, fc.func(fc.integer()), (incidents, key) => {
        const shuffled = incidents.toSorted((a, b) => key(a.id) - key(b.id) || (a.id < b.id ? -1 : 1));
        const json = (list: Incident[]) => incidentsPages(computeLedger(content(list), NOW), testSite);
        expect(json(shuffled)).toEqual(json(incidents));
        const months = (list: Incident[]) => computeLedger(content(list), NOW).services.map((entry) => entry.months);
        expect(months(shuffled)).toEqual(months(incidents));
      }),
    );
  });

  it('adding an eligible window never raises availability', () => {
    fc.assert(
      fc.property(incidentsArbitrary, incidentArbitrary, (incidents, extra) => {
        const before = computeLedger(content(incidents), NOW);
        const after = computeLedger(content([...incidents, { ...extra, id: 'extra', cause: 'platform' }]), NOW);
        for (const [index, entry] of after.services.entries()) {
          const earlier = new Map(before.services[index]!.months.map((month) => [month.month, month.availability]));
          for (const month of entry.months) {
            expect(month.availability).toBeLessThanOrEqual(earlier.get(month.month) ?? 100);
          }
        }
      }),
    );
  });

  it('the union never exceeds the sum of its windows', () => {
    fc.assert(
      fc.property(rangesArbitrary, (ranges) => {
        const within = { from: 0, to: 2e7 };
        const sum = ranges.reduce((total, range) => total + weightedMinutes([range], within), 0);
        expect(weightedMinutes(ranges, within)).toBeLessThanOrEqual(sum + 1e-9);
      }),
    );
  });

  it('the union is at least its heaviest window', () => {
    fc.assert(
      fc.property(rangesArbitrary, (ranges) => {
        const within = { from: 0, to: 2e7 };
        const heaviest = Math.max(0, ...ranges.map((range) => weightedMinutes([range], within)));
        expect(weightedMinutes(ranges, within)).toBeGreaterThanOrEqual(heaviest - 1e-9);
      }),
    );
  });
});
