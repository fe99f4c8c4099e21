/**
 * Claims: how a customer gets a credit a month earns, and by when (sla.yaml
 * `claim`). The claim period of a month starts at the end of that month, at
 * local midnight on the 1st of the next in the policy's zone, and lasts the
 * policy's `within`; it is half-open, `[end, end + within)`, and its last
 * local calendar day is the deadline.
 */
import { dateOf, instantOfWallTime, monthRange, shiftMonth, type Instant } from './time.ts';
import { CLAIM_PLACEHOLDERS, type ClaimPeriod, type ClaimPlaceholder, type Policy } from './types.ts';

/** The end of a claim period and its last day. */
export interface ClaimDeadline {
  /** The last local calendar day a claim is in time, `YYYY-MM-DD` in the policy's zone. */
  date: string;
  /** The instant the period ends (exclusive): local midnight after `date`. */
  ends: Instant;
}

/**
 * The deadline to claim a credit for `month` (`YYYY-MM`): the claim period
 * `[end of month, end of month + within)`, worked out on the calendar of
 * `timeZone` (months: the same local midnight `count` months on; days: `count`
 * local days on, whatever DST does), and its last local day, the date of the
 * period's last millisecond. January 2025 with `2 months` ends on 2025-03-31;
 * with `30 days` on 2025-03-02.
 */
export function claimDeadline(month: string, within: ClaimPeriod, timeZone: string): ClaimDeadline {
  let ends: Instant;
  if (within.unit === 'months') {
    // The end of the month `count` months on is the end of the period.
    ends = monthRange(shiftMonth(month, within.count), timeZone).to;
  } else {
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    // Day 1 of the next month, `count` days on, at local midnight (Date.UTC carries over month ends).
    ends = instantOfWallTime(Date.UTC(year, monthNumber, 1 + within.count), timeZone);
  }
  return { date: dateOf(ends - 1, timeZone), ends };
}

/** What a claim link is filled with. */
export interface ClaimSubject {
  /** The service id. */
  service: string;
  /** `YYYY-MM`. */
  month: string;
  /** Ids of the incidents with impact in that month. */
  incidents: readonly string[];
}

/** A placeholder of CLAIM_PLACEHOLDERS in its braces: `{service}`. */
const PLACEHOLDER = new RegExp(`\\{(${CLAIM_PLACEHOLDERS.join('|')})\\}`, 'g');

/**
 * `template` with each placeholder (`{service}`, `{month}`, `{incidents}`)
 * replaced by `fill(name)`: the one reading of a claim template's
 * placeholders, for the link and for the check of the template alike.
 */
export function fillClaimTemplate(template: string, fill: (name: ClaimPlaceholder) => string): string {
  return template.replace(PLACEHOLDER, (_, name: ClaimPlaceholder) => fill(name));
}

/**
 * Fills a claim URL template: `{service}`, `{month}` and `{incidents}` (the
 * ids joined with commas) are replaced by their values, each encoded with
 * encodeURIComponent, so no value can add a parameter or a path to the address.
 */
export function claimUrl(template: string, subject: ClaimSubject): string {
  const values: Record<ClaimPlaceholder, string> = { service: subject.service, month: subject.month, incidents: subject.incidents.join(',') };
  return fillClaimTemplate(template, (name) => encodeURIComponent(values[name]));
}

/**
 * How a page tells a customer to claim one month's credit. `provisional`:
 * the month's figures may still change, and so may the amount.
 */
export type CreditClaim =
  /**
   * The claim form, prefilled; `deadline` `null` when the policy sets no
   * period. Once the period has ended (`open` false) a page shows the day it
   * ended and no link: a form that no longer takes the claim is not offered.
   */
  | { how: 'ticket'; url: string; deadline: string | null; open: boolean; provisional: boolean }
  /** The credit is applied without a claim. */
  | { how: 'automatic'; provisional: boolean }
  /** The policy says nothing: contact support. */
  | { how: 'support'; provisional: boolean };

/**
 * How to claim the credit `month` earns under `policy` for `service`, as of
 * `now`; `null` when the month earns no credit. `open` says whether `now` is
 * still inside the claim period; `provisional` whether the month's figures
 * (`final` false) and so the amount may still change.
 */
export function creditClaim(policy: Policy, subject: ClaimSubject & { creditPercent: number; final: boolean }, now: Instant): CreditClaim | null {
  if (!(subject.creditPercent > 0)) return null;
  const provisional = !subject.final;
  const claim = policy.claim;
  if (!claim) return { how: 'support', provisional };
  if (claim.how === 'automatic') return { how: 'automatic', provisional };
  const deadline = claim.within && claimDeadline(subject.month, claim.within, policy.timeZone);
  return { how: 'ticket', url: claimUrl(claim.url, { service: subject.service, month: subject.month, incidents: subject.incidents }), deadline: deadline ? deadline.date : null, open: deadline ? now < deadline.ends : true, provisional };
}
