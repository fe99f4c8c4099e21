import { describe, expect, it } from 'vitest';
import { affectedServices } from '../../src/core/home.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import { overallSummary } from '../../src/i18n/format.ts';
import { languageOf } from '../../src/i18n/language.ts';
import { at, content, incident, service, testSite } from '../builders.ts';

/** Four services (in catalog order a, b, c, d) and what is open on them at 03:00. */
function ledgerAt0300() {
  const incidents = [
    incident('2025-05-04 02:00', null, { services: ['a'], level: 'degraded-performance' }),
    incident('2025-05-04 02:00', null, { services: ['b'], level: 'major-outage' }),
    incident('2025-05-04 02:00', null, {
      services: ['d'],
      kind: 'maintenance',
      cause: 'maintenance',
      level: 'under-maintenance',
      scheduled: { from: at('2025-05-04 02:00'), to: at('2025-05-04 04:00') },
    }),
    incident('2025-05-04 02:10', null, { services: ['c'], level: 'major-outage' }),
  ];
  return computeLedger(content(incidents, { services: ['a', 'b', 'c', 'd', 'e'].map((id) => service(id)) }), at('2025-05-04 03:00'));
}

describe('affectedServices', () => {
  it('lists the services not operational, worst first, and in catalog order within a status', () => {
    expect(affectedServices(ledgerAt0300()).map((entry) => [entry.service.id, entry.status])).toEqual([
      ['b', 'major-outage'],
      ['c', 'major-outage'],
      ['a', 'degraded-performance'],
      ['d', 'under-maintenance'],
    ]);
  });

  it('is empty when every service is operational', () => {
    expect(affectedServices(computeLedger(content([]), at('2025-05-04 03:00')))).toEqual([]);
  });

  it('is the order the home page sentence names them in', () => {
    expect(overallSummary(ledgerAt0300(), languageOf(testSite))).toContain('b (major outage), c (major outage), a (degraded performance) and d (under maintenance)');
  });
});
