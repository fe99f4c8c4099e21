import { describe, expect, it } from 'vitest';
import { computeLedger } from '../../src/core/ledger.ts';
import { SUPPORT_DAYS, supportLink, supportOffer } from '../../src/core/support.ts';
import type { Incident } from '../../src/core/types.ts';
import { at, content, en, incident } from '../builders.ts';

const DAY = 86_400_000;

/** The incident's entry in a ledger computed at `now`. */
function entry(subject: Incident, now: number) {
  return computeLedger(content([subject]), now).byId.get(subject.id)!;
}

describe('supportOffer', () => {
  const outage = incident('2025-01-18 02:11', '2025-01-18 03:40');
  const resolved = at('2025-01-18 03:40');

  it.each([
    ['while it is active', incident('2025-01-18 02:11', null), at('2025-01-18 03:00'), 'contacts'],
    ['the moment it resolved', outage, resolved, 'contacts'],
    ['one millisecond before 7 days have passed', outage, resolved + SUPPORT_DAYS * DAY - 1, 'contacts'],
    ['once 7 days have passed', outage, resolved + SUPPORT_DAYS * DAY, 'link'],
    ['months later', outage, at('2025-06-01 00:00'), 'link'],
    ['for a degraded incident, even while active', incident('2025-01-18 02:11', null, { level: 'degraded-performance' }), at('2025-01-18 03:00'), 'link'],
    ['for a partial outage while active', incident('2025-01-18 02:11', null, { level: 'partial-outage' }), at('2025-01-18 03:00'), 'contacts'],
    ['for a notice', incident('2025-01-18 02:11', null, { kind: 'notice', affected: [] }), at('2025-01-18 03:00'), 'none'],
  ])('a severe incident gets the contacts %s', (_, subject, now, offer) => {
    expect(supportOffer(entry(subject, now), now)).toBe(offer);
  });
});

describe('supportLink', () => {
  it('prefers a web or mail address over a phone number', () => {
    const phone = { label: en('Hotline'), href: 'tel:+1-555-0100' };
    const web = { label: en('Open a ticket'), href: 'https://support.example.com' };
    const mail = { label: en('Email us'), href: 'mailto:help@example.com' };
    expect(supportLink([phone, web, mail])).toBe(web);
    expect(supportLink([phone, mail])).toBe(mail);
    expect(supportLink([phone])).toBe(phone);
    expect(supportLink([])).toBeNull();
  });
});
