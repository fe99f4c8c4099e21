import { describe, expect, it } from 'vitest';
import { availabilityPages, incidentsPages, INCIDENTS_PER_PAGE, MONTHS_PER_PAGE } from '../../src/outputs/api-v1.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import { at, content, incident, service, testSite } from '../builders.ts';

describe('incidentsPages', () => {
  it('puts every incident of a small site in one file with no next page', () => {
    const pages = incidentsPages(computeLedger(content([incident('2025-01-01 10:00', '2025-01-01 11:00')]), at('2025-02-01 00:00')), testSite);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ generatedAt: '2025-01-31T16:00:00.000Z', page: 1, pages: 1, next: null });
    expect(pages[0]!.incidents).toHaveLength(1);
  });

  it(`pages a long history ${INCIDENTS_PER_PAGE} incidents at a time, newest first, each page linking the next`, () => {
    const incidents = Array.from({ length: 2 * INCIDENTS_PER_PAGE + 7 }, (_, index) =>
      incident(`2024-01-01 00:00`, '2024-01-01 00:10', { started: at('2024-01-01 00:00') + index * 3_600_000, resolved: null }),
    );
    const pages = incidentsPages(computeLedger(content(incidents), at('2025-02-01 00:00')), testSite);
    expect(pages.map((page) => [page.page, page.pages, page.incidents.length, page.next])).toEqual([
      [1, 3, INCIDENTS_PER_PAGE, 'https://status.test/api/v1/incidents/2.json'],
      [2, 3, INCIDENTS_PER_PAGE, 'https://status.test/api/v1/incidents/3.json'],
      [3, 3, 7, null],
    ]);
    const ids = pages.flatMap((page) => page.incidents.map((entry) => entry.id));
    expect(new Set(ids).size).toBe(incidents.length);
    expect(pages[0]!.incidents[0]!.started > pages[2]!.incidents[0]!.started).toBe(true);
  });
});

describe('availabilityPages', () => {
  it('keeps every service of a small site in one file', () => {
    const pages = availabilityPages(computeLedger(content([incident('2025-01-01 10:00', '2025-01-01 11:00')]), at('2025-02-01 00:00')), testSite);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.services.map((entry) => entry.id)).toEqual(['ecs', 'oss']);
    expect(pages[0]).toMatchObject({ page: 1, pages: 1, next: null });
  });

  it(`splits services across pages of at most ${MONTHS_PER_PAGE} month entries, never splitting a service`, () => {
    // 30 services, each with an impact in each of 100 months: 3000 entries.
    const services = Array.from({ length: 30 }, (_, index) => service(`s${index}`));
    const incidents = Array.from({ length: 100 }, (_, month) =>
      incident('2016-01-05 10:00', '2016-01-05 10:05', {
        services: services.map((entry) => entry.id),
        started: at('2016-01-05 10:00') + month * 31 * 86_400_000,
        resolved: at('2016-01-05 10:05') + month * 31 * 86_400_000,
      }),
    ).map((entry) => ({ ...entry, affected: entry.affected.map((affected) => ({ ...affected, from: entry.started, to: entry.resolved })) }));
    const pages = availabilityPages(computeLedger(content(incidents, { services }), at('2025-02-01 00:00')), testSite);
    expect(pages.map((page) => page.services.length)).toEqual([10, 10, 10]);
    for (const page of pages) expect(page.services.reduce((sum, entry) => sum + entry.months.length, 0)).toBeLessThanOrEqual(MONTHS_PER_PAGE);
    expect(pages[0]!.next).toBe('https://status.test/api/v1/availability/2.json');
  });
});
