import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { computeLedger } from '../../src/core/ledger.ts';
import { availabilityPages } from '../../src/outputs/api-v1.ts';
import { availabilityCsv, CSV_COLUMNS } from '../../src/outputs/csv.ts';
import { csvField } from '../../src/outputs/escape.ts';
import { at, content, en, incident, service, testSite } from '../builders.ts';

/** Reads CSV as a spreadsheet or a finance tool would: RFC 4180, the header row naming the columns. */
function readCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, record_delimiter: '\r\n', relax_quotes: false, skip_empty_lines: false });
}

/** The rows availability.json gives, over all its pages, as the CSV should carry them. */
function jsonRows(ledger: ReturnType<typeof computeLedger>) {
  const names = new Map(ledger.services.map((entry) => [entry.service.id, entry.service.name.en]));
  return availabilityPages(ledger, testSite).flatMap((page) =>
    page.services.flatMap((entry) => entry.months.map((month) => ({ ...month, service: entry.id, policy: entry.policy, name: names.get(entry.id) }))),
  );
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['line\nfeed', '"line\nfeed"'],
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=b', 'a=b'],
    ['', ''],
  ])('writes %j as %j', (text, field) => {
    expect(csvField(text)).toBe(field);
  });
});

describe('availabilityCsv', () => {
  const hostile = ['=cmd|\' /C calc\'!A0', 'Storage, "EU" @ 3', '-Compute\u00b7杭州', '+Edge', '@Queue'];
  const services = hostile.map((name, index) => service(`s${index}`, { name: en(name) }));
  const ledger = computeLedger(
    content(
      [
        incident('2025-01-18 02:11', '2025-01-18 03:40', { services: services.map((entry) => entry.id) }),
        incident('2025-01-20 10:00', '2025-01-20 10:07', { services: ['s0'], level: 'partial-outage' }),
        incident('2025-02-28 23:50', '2025-03-01 00:20', { services: ['s1'] }),
      ],
      { services: [...services, service('free', { sla: null })] },
    ),
    at('2025-03-01 00:10'),
  );
  const text = availabilityCsv(ledger, testSite);

  it('starts with the header row and ends every row with CRLF', () => {
    expect(text.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has one row per service-month of availability.json, with every figure in full precision', () => {
    const rows = readCsv(text);
    const json = jsonRows(ledger);
    expect(rows).toHaveLength(json.length);
    rows.forEach((row, index) => {
      const month = json[index]!;
      expect(row.service).toBe(month.service);
      expect(row.policy).toBe(month.policy);
      expect(row.month).toBe(month.month);
      expect(Number(row.downtime_minutes)).toBe(month.minutes);
      expect(Number(row.availability)).toBe(month.availability);
      expect(row.tier).toBe(month.tier ?? '');
      expect(Number(row.credit_percent)).toBe(month.creditPercent);
      expect(row.final).toBe(String(month.final));
      expect(row.incidents!.split(' ')).toEqual(month.incidents);
    });
    // The partial outage adds 2.1 weighted minutes: 89 + 2.1, not a round figure.
    expect(rows[0]!.downtime_minutes).toBe(String(89 + 7 * 0.3));
  });

  it('writes hostile names as text a spreadsheet shows, never as a formula', () => {
    const names = [...new Set(readCsv(text).map((row) => row.name))];
    expect(names).toEqual(["'=cmd|' /C calc'!A0", 'Storage, "EU" @ 3', "'-Compute\u00b7杭州", "'+Edge", "'@Queue"]);
  });

  it('has the header alone for a service with no SLA, and one service’s months for its own file', () => {
    expect(availabilityCsv(ledger, testSite, 'free')).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    const own = readCsv(availabilityCsv(ledger, testSite, 's1'));
    // The outage from 28 February into March is still open at now: both months are provisional.
    expect(own.map((row) => [row.service, row.month, row.final])).toEqual([
      ['s1', '2025-01', 'true'],
      ['s1', '2025-02', 'false'],
      ['s1', '2025-03', 'false'],
    ]);
  });

  it('covers every service when availability.json is split into pages', () => {
    const many = Array.from({ length: 30 }, (_, index) => service(`s${index}`));
    const incidents = Array.from({ length: 40 }, (_, month) =>
      incident('2016-01-05 10:00', '2016-01-05 10:05', {
        services: many.map((entry) => entry.id),
        started: at('2016-01-05 10:00') + month * 31 * 86_400_000,
        resolved: at('2016-01-05 10:05') + month * 31 * 86_400_000,
      }),
    ).map((entry) => ({ ...entry, affected: entry.affected.map((affected) => ({ ...affected, from: entry.started, to: entry.resolved })) }));
    const paged = computeLedger(content(incidents, { services: many }), at('2025-02-01 00:00'));
    expect(availabilityPages(paged, testSite).length).toBeGreaterThan(1);
    const rows = readCsv(availabilityCsv(paged, testSite));
    expect(rows).toHaveLength(30 * 40);
    expect(rows.map((row) => `${row.service} ${row.month}`)).toEqual(jsonRows(paged).map((month) => `${month.service} ${month.month}`));
  });
});
