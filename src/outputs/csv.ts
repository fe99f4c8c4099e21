/**
 * The monthly SLA report as CSV for finance teams (docs/outputs.md):
 * RFC 4180, UTF-8, CRLF line ends, a header row, one row per service-month
 * of `/api/v1/availability.json` (every service, across all of its pages),
 * figures in full precision as the JSON has them.
 */
import type { Ledger, ServiceLedger } from '../core/ledger.ts';
import type { Site } from '../core/types.ts';
import { originalOf } from '../i18n/language.ts';
import { csvField } from './escape.ts';

/** The header row's columns, in order. */
export const CSV_COLUMNS = ['service', 'name', 'policy', 'month', 'downtime_minutes', 'availability', 'tier', 'credit_percent', 'final', 'incidents'] as const;

/** One service's months as CSV rows (none for a service with no SLA); its name in the site's first language. */
function serviceRows(entry: ServiceLedger, site: Pick<Site, 'locale'>): string[][] {
  return entry.months.map((month) => [
    entry.service.id,
    originalOf(entry.service.name, site),
    entry.policy?.id ?? '',
    month.month,
    // String(number) is the shortest text that reads back as the same number, as JSON writes it.
    String(month.minutes),
    String(month.availability),
    month.tier?.id ?? '',
    String(month.creditPercent),
    String(month.final),
    month.incidents.join(' '),
  ]);
}

/** Rows as CSV text: every field through csvField, CRLF after every row (the header included). */
function csvText(rows: readonly string[][]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * `/api/v1/availability.csv` (every service) or, with `serviceId`,
 * `/services/<id>/sla.csv` (that service alone): the header row, then one
 * row per month with any impact, services in catalog order, months oldest
 * first. Written once, whatever the site's languages: names are in the first.
 */
export function availabilityCsv(ledger: Ledger, site: Pick<Site, 'locale'>, serviceId?: string): string {
  const services = serviceId === undefined ? ledger.services : ledger.services.filter((entry) => entry.service.id === serviceId);
  return csvText([[...CSV_COLUMNS], ...services.flatMap((entry) => serviceRows(entry, site))]);
}

/** The media type both files are served with. */
export const CSV_TYPE = 'text/csv; charset=utf-8';
