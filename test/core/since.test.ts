import { describe, expect, it } from 'vitest';
import { computeLedger } from '../../src/core/ledger.ts';
import { barRuns } from '../../src/core/observed-uptime.ts';
import { hasData, recentReport } from '../../src/core/sla-report.ts';
import { languageOf } from '../../src/i18n/language.ts';
import { availabilityPages, summaryJson } from '../../src/outputs/api-v1.ts';
import { statuspageApi } from '../../src/outputs/api-v2.ts';
import { statusBadges } from '../../src/outputs/badges.ts';
import { at, content, incident, service, testSite } from '../builders.ts';

/** A site created on 2025-05-20: a service whose records start then, one with no start, and now a fortnight later. */
const SINCE = at('2025-05-20 00:00');
const NOW = at('2025-06-03 12:00');
const ledgerWith = (since: number | undefined, incidents = [incident('2025-06-01 10:00', '2025-06-01 11:00', { services: ['ecs'] })]) =>
  computeLedger(content(incidents, { services: [service('ecs', { since }), service('oss')] }), NOW);

describe('since: before a service’s records start there is no data, never 100%', () => {
  it('gives the days before it no data, and the day it starts from its start', () => {
    const days = ledgerWith(SINCE).serviceById.get('ecs')!.days;
    const first = days.findIndex((day) => !day.noData);
    expect(days[first]!.date).toBe('2025-05-20');
    expect(days.slice(0, first).every((day) => day.noData && day.minutes === 0)).toBe(true);
    expect(days.filter((day) => day.noData)).toHaveLength(90 - 15);
    const late = ledgerWith(at('2025-05-20 12:00')).serviceById.get('ecs')!.days.find((day) => day.date === '2025-05-20')!;
    expect(late).toMatchObject({ noData: false, range: { from: at('2025-05-20 12:00'), to: at('2025-05-21 00:00') } });
  });

  it('counts uptime over the days since only', () => {
    const ecs = ledgerWith(SINCE).serviceById.get('ecs')!;
    const elapsed = (NOW - SINCE) / 60_000;
    expect(ecs.uptime).toBeCloseTo((100 * (elapsed - 60)) / elapsed, 10);
    // Without since the same hour is spread over 90 days: a higher figure the service never earned.
    expect(ledgerWith(undefined).serviceById.get('ecs')!.uptime!).toBeGreaterThan(ecs.uptime!);
  });

  it('has no uptime at all while every day is before it', () => {
    const ledger = ledgerWith(at('2025-07-01 00:00'), []);
    expect(ledger.serviceById.get('ecs')!.uptime).toBeNull();
    expect(summaryJson(ledger, testSite).services[0]!.uptime90).toBeNull();
    const badge = statusBadges(ledger, languageOf(testSite)).find((entry) => entry.name === 'ecs-uptime')!;
    expect(badge.svg).toContain('<title>ecs uptime: no data</title>');
  });

  it('groups the days with no data into one bar run, apart from the quiet days after', () => {
    const runs = barRuns(ledgerWith(SINCE).serviceById.get('ecs')!.days);
    expect(runs.map((run) => [run.noData, run.quiet, run.days.length])).toEqual([
      [true, true, 75],
      [false, true, 12],
      [false, false, 1],
      [false, true, 2],
    ]);
  });

  it('gives the months before it no data on the SLA report, and the month it starts in its figures', () => {
    const months = recentReport(ledgerWith(SINCE).serviceById.get('ecs')!, NOW, 6);
    expect(months.map((month) => [month.month, hasData(month) ? month.availability : 'no data'])).toEqual([
      ['2025-06', expect.closeTo(100 - (100 * 60) / 43_200, 10)],
      ['2025-05', 100],
      ['2025-04', 'no data'],
      ['2025-03', 'no data'],
      ['2025-02', 'no data'],
      ['2025-01', 'no data'],
    ]);
    expect(recentReport(ledgerWith(undefined).serviceById.get('ecs')!, NOW, 6).every(hasData)).toBe(true);
  });

  it('tells the API when the records start: /api/v1 as an instant, /api/v2 as the component’s start date', () => {
    const ledger = ledgerWith(SINCE);
    expect(availabilityPages(ledger, testSite)[0]!.services.map((entry) => [entry.id, entry.since])).toEqual([
      ['ecs', '2025-05-19T16:00:00.000Z'],
      ['oss', null],
    ]);
    const components = statuspageApi(ledger, testSite, languageOf(testSite)).components.components.filter((component) => !component.group);
    expect(components.map((component) => [component.id, component.start_date])).toEqual([
      ['ecs', '2025-05-20'],
      ['oss', null],
    ]);
  });
});
