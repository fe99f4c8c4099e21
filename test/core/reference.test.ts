/**
 * The engine against an independent reference of DESIGN's rules. The
 * reference shares no code with the engine: it walks each window minute by
 * minute, asks `Intl` (not src/core/time.ts) which local month a minute falls
 * in, takes the heaviest eligible weight per minute, and decides tiers with
 * exact integer arithmetic. Random content crosses month ends, DST changes in
 * both directions, half-hour and 45-minute zones, leap Februaries, overlaps,
 * exclusions, open windows and maintenance that starts early or overruns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLedger } from '../../src/core/ledger.ts';
import type { Cause, ImpactLevel, WindowLevel } from '../../src/core/levels.ts';
import type { Incident, Policy, Service, Tier } from '../../src/core/types.ts';
import { content, en, service, standardPolicy } from '../builders.ts';

const MINUTE = 60_000;

// Periods that hold a month end near a DST change or a leap day, and the "now" a run is computed at.
const PERIODS = [
  { from: Date.parse('2024-03-27T00:00:00Z'), now: Date.parse('2024-04-01T05:00:00Z') },
  { from: Date.parse('2024-10-25T00:00:00Z'), now: Date.parse('2024-11-04T12:00:00Z') },
  { from: Date.parse('2024-02-26T00:00:00Z'), now: Date.parse('2024-03-04T00:00:00Z') },
  { from: Date.parse('2025-01-29T00:00:00Z'), now: Date.parse('2025-03-01T00:00:00Z') },
];
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Shanghai', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
const WEIGHTS = [0, 0.3, 0.5, 1];
const THRESHOLDS = [90, 95, 99, 99.5, 99.9, 99.95, 99.99];

// ---------------------------------------------------------------- the reference

const monthFormats = new Map<string, Intl.DateTimeFormat>();
const monthCache = new Map<string, string>();

/** The local `YYYY-MM` of an instant, from Intl. Offsets are whole quarter hours, so a UTC quarter hour never straddles a local midnight. */
function localMonth(instant: number, timeZone: string): string {
  const quarter = Math.floor(instant / (15 * MINUTE));
  const key = `${timeZone} ${quarter}`;
  let month = monthCache.get(key);
  if (month === undefined) {
    let format = monthFormats.get(timeZone);
    if (!format) monthFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })));
    const parts = format.formatToParts(new Date(quarter * 15 * MINUTE));
    month = `${parts.find((part) => part.type === 'year')!.value}-${parts.find((part) => part.type === 'month')!.value}`;
    monthCache.set(key, month);
  }
  return month;
}

/** The first instant of the local month after `month`, by stepping in quarter hours from a UTC guess. */
function monthEnd(month: string, timeZone: string): number {
  const [year, number] = month.split('-').map(Number) as [number, number];
  let instant = Date.UTC(year, number, 1) - 2 * 86_400_000;
  while (localMonth(instant, timeZone) === month || localMonth(instant, timeZone) < month) instant += 15 * MINUTE;
  return instant;
}

/** One minute of one window, as the reference sees it. */
interface Tick {
  incident: string;
  month: string;
  /** Weight × 10: the weights used are whole tenths, so sums stay exact integers. */
  weight10: number;
  eligible: boolean;
}

interface ReferenceMonth {
  minutes10: number;
  final: boolean;
  tier: string | null;
  credit: number;
  availability: number;
}

function daysIn(month: string): number {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number, 0)).getUTCDate();
}

/** DESIGN rule 5 in integers: the tier with the smallest `below` greater than A = 100 (P − D) / P, D = minutes10 / 10. */
function referenceTier(policy: Policy, minutes10: number, periodMinutes: number): Tier | null {
  const down10 = Math.min(minutes10, periodMinutes * 10);
  // A < below  ⇔  100 · (10P − D10) · 1000 < below·1000 · 10P; thresholds have at most three decimals.
  const left = 100 * (10 * periodMinutes - down10) * 1000;
  const sorted = policy.tiers.toSorted((a, b) => a.below - b.below);
  return sorted.find((tier) => left < Math.round(tier.below * 1000) * 10 * periodMinutes) ?? null;
}

function referenceFigures(policy: Policy, minutes10: number, month: string) {
  const periodMinutes = daysIn(month) * 1440;
  const down = Math.min(minutes10, periodMinutes * 10) / 10;
  const tier = referenceTier(policy, minutes10, periodMinutes);
  const credit = tier ? Math.min(policy.capPercent, (tier.prorated ? (100 * down) / periodMinutes : 0) + tier.creditPercent) : 0;
  return { tier: tier?.id ?? null, credit, availability: (100 * (periodMinutes - down)) / periodMinutes };
}

/** Every minute of every window on `serviceId`, with its month, weight and eligibility; and which windows are open. */
function ticksOf(incidents: readonly Incident[], serviceId: string, policy: Policy, now: number) {
  const ticks: Tick[] = [];
  const openMonths = new Set<string>();
  for (const incident of incidents) {
    if (incident.kind === 'notice') continue;
    for (const affected of incident.affected.filter((entry) => entry.service === serviceId)) {
      const open = affected.to === null || affected.to > now;
      const end = open ? now : affected.to!;
      for (let minute = affected.from; minute < end; minute += MINUTE) {
        const announced = incident.kind === 'maintenance' && incident.scheduled !== null && incident.scheduled.from <= minute && minute < incident.scheduled.to;
        const cause: Cause = incident.kind === 'maintenance' ? (announced ? 'maintenance' : 'platform') : (incident.cause ?? 'platform');
        const month = localMonth(minute, policy.timeZone);
        ticks.push({ incident: incident.id, month, weight10: Math.round(policy.weights[affected.level] * 10), eligible: !policy.excludedCauses.includes(cause) });
        // DESIGN: a maintenance window is open until the maintenance is resolved, in every piece.
        if (open || (incident.kind === 'maintenance' && (incident.resolved === null || incident.resolved > now))) openMonths.add(month);
      }
    }
  }
  return { ticks, openMonths };
}

/** The heaviest eligible weight per minute, summed per month: every minute once. */
function downtime10(ticks: readonly Tick[], minuteOf: (tick: Tick, index: number) => number, keep: (tick: Tick) => boolean): Map<string, number> {
  const heaviest = new Map<number, { month: string; weight10: number }>();
  ticks.forEach((tick, index) => {
    if (!tick.eligible || !keep(tick)) return;
    const minute = minuteOf(tick, index);
    const current = heaviest.get(minute);
    if (!current || current.weight10 < tick.weight10) heaviest.set(minute, { month: tick.month, weight10: tick.weight10 });
  });
  const months = new Map<string, number>();
  for (const { month, weight10 } of heaviest.values()) months.set(month, (months.get(month) ?? 0) + weight10);
  return months;
}

/** The reference's monthly report for a service and, per incident and month, its own minutes and the tier without it. */
function reference(incidents: readonly Incident[], serviceId: string, policy: Policy, now: number) {
  const { ticks, openMonths } = ticksOf(incidents, serviceId, policy, now);
  // The minute a tick stands for: recomputed alongside, as ticks are pushed minute by minute per window.
  const minutes: number[] = [];
  for (const incident of incidents) {
    if (incident.kind === 'notice') continue;
    for (const affected of incident.affected.filter((entry) => entry.service === serviceId)) {
      const end = affected.to === null || affected.to > now ? now : affected.to;
      for (let minute = affected.from; minute < end; minute += MINUTE) minutes.push(minute);
    }
  }
  const minuteOf = (_tick: Tick, index: number) => minutes[index]!;
  const all = downtime10(ticks, minuteOf, () => true);
  const months = new Map<string, ReferenceMonth>();
  for (const month of new Set(ticks.map((tick) => tick.month))) {
    const minutes10 = all.get(month) ?? 0;
    months.set(month, { minutes10, final: monthEnd(month, policy.timeZone) <= now && !openMonths.has(month), ...referenceFigures(policy, minutes10, month) });
  }
  const mine = new Map<string, Map<string, number>>();
  const others = new Map<string, Map<string, number>>();
  const own = (incident: string, month: string) => {
    if (!mine.has(incident)) mine.set(incident, downtime10(ticks, minuteOf, (tick) => tick.incident === incident));
    return Math.min(mine.get(incident)!.get(month) ?? 0, daysIn(month) * 14_400) / 10;
  };
  const tierWithout = (incident: string, month: string) => {
    if (!others.has(incident)) others.set(incident, downtime10(ticks, minuteOf, (tick) => tick.incident !== incident));
    return referenceFigures(policy, others.get(incident)!.get(month) ?? 0, month).tier;
  };
  const touched = (incident: string) => [...new Set(ticks.filter((tick) => tick.incident === incident).map((tick) => tick.month))].sort();
  return { months, own, tierWithout, touched };
}

// ---------------------------------------------------------------- random content

const LEVELS: ImpactLevel[] = ['degraded-performance', 'partial-outage', 'major-outage'];

const policyArbitrary = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weights: fc.tuple(fc.constantFrom(...WEIGHTS), fc.constantFrom(...WEIGHTS), fc.constantFrom(...WEIGHTS), fc.constantFrom(...WEIGHTS)),
    excluded: fc.subarray(['platform', 'customer', 'third-party', 'maintenance', 'force-majeure'] as Cause[]),
    thresholds: fc.uniqueArray(fc.constantFrom(...THRESHOLDS), { minLength: 1, maxLength: 3 }),
    prorated: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    credits: fc.array(fc.constantFrom(0, 10, 25, 100), { minLength: 3, maxLength: 3 }),
    cap: fc.constantFrom(100, 50, 30),
  })
  .map(({ timeZone, weights, excluded, thresholds, prorated, credits, cap }): Policy => {
    const levels: WindowLevel[] = ['under-maintenance', 'degraded-performance', 'partial-outage', 'major-outage'];
    return standardPolicy({
      timeZone,
      weights: Object.fromEntries(levels.map((level, index) => [level, weights[index]!])) as Record<WindowLevel, number>,
      excludedCauses: excluded,
      capPercent: cap,
      tiers: thresholds.toSorted((a, b) => a - b).map((below, index) => ({ id: `t${index}`, name: en(`Tier ${index}`), below, prorated: prorated[index]!, creditPercent: credits[index]! })),
    });
  });

/** An incident or maintenance on `ecs` or `oss`, minute-aligned, up to four days, sometimes still open. */
function incidentArbitrary(period: (typeof PERIODS)[number]) {
  return fc
    .record({
      start: fc.integer({ min: 0, max: 9 * 1440 }),
      length: fc.oneof(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 4 * 1440 })),
      open: fc.boolean(),
      level: fc.constantFrom(...LEVELS),
      cause: fc.constantFrom<Cause | null>('platform', 'customer', 'third-party', 'force-majeure', null),
      services: fc.subarray(['ecs', 'oss'], { minLength: 1 }),
      maintenance: fc.option(fc.record({ lead: fc.integer({ min: -120, max: 120 }), length: fc.integer({ min: 1, max: 600 }) }), { freq: 3 }),
      override: fc.option(fc.record({ skip: fc.integer({ min: 0, max: 60 }), level: fc.constantFrom(...LEVELS) }), { freq: 3 }),
    })
    .map(({ start, length, open, level, cause, services, maintenance, override }): Omit<Incident, 'id'> => {
      const started = period.from + start * MINUTE;
      const resolved = open ? null : started + length * MINUTE;
      const kind = maintenance ? 'maintenance' : 'incident';
      const windowLevel: WindowLevel = maintenance ? 'under-maintenance' : level;
      const affected = services.map((id, index) => {
        // The second service may start a little later at its own level, as an editor's override.
        if (index === 1 && override && !maintenance) {
          const from = Math.min(started + override.skip * MINUTE, resolved ?? Infinity);
          return { service: id, level: override.level, from, to: resolved };
        }
        return { service: id, level: windowLevel, from: started, to: resolved };
      });
      return {
        path: 'p.md',
        source: null,
        kind,
        title: en('t'),
        cause: maintenance ? 'maintenance' : cause,
        started,
        resolved,
        level: windowLevel,
        scheduled: maintenance ? { from: started + maintenance.lead * MINUTE, to: started + (maintenance.lead + maintenance.length) * MINUTE } : null,
        affected,
        summary: en(''),
        updates: [],
        postmortem: null,
        translations: {},
      };
    });
}

const runArbitrary = fc.constantFrom(...PERIODS).chain((period) =>
  fc.record({
    period: fc.constant(period),
    policy: policyArbitrary,
    incidents: fc.array(incidentArbitrary(period), { maxLength: 8 }).map((list) => list.map((entry, index): Incident => ({ ...entry, id: `i${index}` }))),
  }),
);

// ---------------------------------------------------------------- the comparison

describe('the engine against an independent minute-by-minute reference', () => {
  it('agrees on every month: minutes, availability, tier, credit and final; and on every incident: own minutes and the tier without it', () => {
    fc.assert(
      fc.property(runArbitrary, ({ period, policy, incidents }) => {
        const services: Service[] = [service('ecs'), service('oss')];
        const ledger = computeLedger(content(incidents, { services, policies: [policy] }), period.now);
        const references = new Map(services.map((entry) => [entry.id, reference(incidents, entry.id, policy, period.now)]));
        for (const entry of ledger.services) {
          const expected = references.get(entry.service.id)!;
          expect(entry.months.map((month) => month.month)).toEqual([...expected.months.keys()].sort());
          for (const month of entry.months) {
            const want = expected.months.get(month.month)!;
            const where = `${entry.service.id} ${month.month} in ${policy.timeZone}`;
            expect(month.minutes, where).toBeCloseTo(want.minutes10 / 10, 9);
            expect(month.availability, where).toBeCloseTo(want.availability, 9);
            expect(month.tier?.id ?? null, where).toBe(want.tier);
            expect(month.creditPercent, where).toBeCloseTo(want.credit, 9);
            expect(month.final, where).toBe(want.final);
          }
        }
        for (const incidentEntry of ledger.incidents) {
          for (const impact of incidentEntry.impacts) {
            const expected = references.get(impact.service)!;
            expect(impact.months.map((month) => month.month)).toEqual(expected.touched(incidentEntry.incident.id));
            for (const month of impact.months) {
              const where = `${incidentEntry.incident.id} on ${impact.service} in ${month.month}, ${policy.timeZone}`;
              expect(month.minutes, where).toBeCloseTo(expected.own(incidentEntry.incident.id, month.month), 9);
              expect(month.tierWithout?.id ?? null, where).toBe(expected.tierWithout(incidentEntry.incident.id, month.month));
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
