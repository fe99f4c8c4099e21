import { describe, expect, it } from 'vitest';
import { computeLedger } from '../../src/core/ledger.ts';
import { messagesFor } from '../../src/i18n/messages.ts';
import { maintenanceCalendar } from '../../src/outputs/calendar.ts';
import { at, content, incident } from '../builders.ts';
import { parseCalendar } from './parsers.ts';

describe('maintenanceCalendar', () => {
  const upgrade = incident('2025-05-04 01:00', null, {
    id: 'upgrade',
    kind: 'maintenance',
    cause: 'maintenance',
    level: 'under-maintenance',
    services: ['ecs', 'oss'],
    scheduled: { from: at('2025-05-04 01:00'), to: at('2025-05-04 03:00') },
  });
  const ledger = computeLedger(content([upgrade]), at('2025-05-01 00:00'));
  const names = new Map([['ecs', 'Compute'], ['oss', 'Storage']]);

  it.each([
    ['en', 'Affects Compute and Storage. https://status.test/incidents/upgrade/'],
    ['zh-CN', '影响 Compute和Storage。 https://status.test/incidents/upgrade/'],
  ] as const)('lists the affected services as the language joins a list (%s)', (locale, description) => {
    const calendar = parseCalendar(maintenanceCalendar(ledger, content([]).site, names, messagesFor(locale)));
    expect(calendar.events.map((event) => event.description)).toEqual([description]);
  });
});
