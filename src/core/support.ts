/**
 * Where a visitor gets help: the support contacts of site.yaml, offered in
 * full while an incident is severe and recent, and as one plain link after.
 */
import { isSevere } from './incident-report.ts';
import type { IncidentLedger } from './ledger.ts';
import { DAY_MS, type Instant } from './time.ts';
import type { SupportContact } from './types.ts';

/** How long after a severe incident resolved its page still lists every support contact. */
export const SUPPORT_DAYS = 7;

/** What an incident page offers for help. */
export type SupportOffer = 'contacts' | 'link' | 'none';

/**
 * `contacts` while a severe incident (isSevere) is active, and for
 * SUPPORT_DAYS × 24 hours after it resolved, `[resolved, resolved + 7 days)`;
 * `link` (a plain "contact support") for every other incident and
 * maintenance; `none` for a notice.
 */
export function supportOffer(entry: IncidentLedger, now: Instant): SupportOffer {
  if (entry.incident.kind === 'notice') return 'none';
  if (!isSevere(entry) || entry.upcoming) return 'link';
  const resolved = entry.incident.resolved;
  if (entry.active || resolved === null || resolved > now) return 'contacts';
  return now < resolved + SUPPORT_DAYS * DAY_MS ? 'contacts' : 'link';
}

/**
 * The one contact a plain "contact support" link goes to: the first web or
 * mail address (a ticket is the way to claim and ask), else the first
 * contact (a phone number); `null` without contacts.
 */
export function supportLink(contacts: readonly SupportContact[]): SupportContact | null {
  return contacts.find((contact) => /^(https?|mailto):/i.test(contact.href)) ?? contacts[0] ?? null;
}
