import { describe, expect, it } from 'vitest';
import { computeLedger } from '../../src/core/ledger.ts';
import type { Locale, Site } from '../../src/core/types.ts';
import { languageOf } from '../../src/i18n/language.ts';
import { maintenanceCalendar } from '../../src/outputs/calendar.ts';
import { at, content, incident, service, testSite } from '../builders.ts';
import { parseCalendar } from './parsers.ts';

describe('maintenanceCalendar', () => {
  /** A site whose first language is `locale`, with a maintenance on two services whose names are the same in every language. */
  function ledgerIn(locale: Locale) {
    const upgrade = incident('2025-05-04 01:00', null, {
      id: 'upgrade',
      title: { [locale]: 'Upgrade' },
      kind: 'maintenance',
      cause: 'maintenance',
      level: 'under-maintenance',
      services: ['ecs', 'oss'],
      scheduled: { from: at('2025-05-04 01:00'), to: at('2025-05-04 03:00') },
    });
    const site: Site = { ...testSite, locale, title: { [locale]: 'Test Status' } };
    const services = [service('ecs', { name: { en: 'Compute', 'zh-CN': 'Compute' } }), service('oss', { name: { en: 'Storage', 'zh-CN': 'Storage' } })];
    return { site, ledger: computeLedger(content([upgrade], { site, services }), at('2025-05-01 00:00')) };
  }

  it.each([
    ['en', 'Affects Compute and Storage. https://status.test/incidents/upgrade/'],
    ['zh-CN', '影响 Compute和Storage。 https://status.test/incidents/upgrade/'],
  ] as const)('lists the affected services as the language joins a list (%s)', (locale, description) => {
    const { site, ledger } = ledgerIn(locale);
    const calendar = parseCalendar(maintenanceCalendar(ledger, site, languageOf(site)));
    expect(calendar.events.map((event) => event.description)).toEqual([description]);
  });
});
