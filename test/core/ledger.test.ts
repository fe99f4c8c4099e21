import { describe, expect, it } from 'vitest';
import { computeLedger, incidentStatus } from '../../src/core/ledger.ts';
import type { Update } from '../../src/core/types.ts';
import { at, content, en, incident, service, standardPolicy, update } from '../builders.ts';

describe('computeLedger', () => {
  describe('current status', () => {
    it('is the worst level of the open windows on a service, and overall the worst over services', () => {
      const ledger = computeLedger(
        content([
          incident('2025-05-01 09:00', null, { level: 'degraded-performance', services: ['ecs'] }),
          incident('2025-05-01 09:30', null, { level: 'partial-outage', services: ['ecs', 'oss'] }),
          incident('2025-05-01 08:00', '2025-05-01 08:30', { level: 'major-outage', services: ['oss'] }),
        ]),
        at('2025-05-01 10:00'),
      );
      expect(ledger.services.map((entry) => [entry.service.id, entry.status])).toEqual([
        ['ecs', 'partial-outage'],
        ['oss', 'partial-outage'],
      ]);
      expect(ledger.overall).toBe('partial-outage');
    });

    it('is under-maintenance while announced maintenance is in progress, and operational before it', () => {
      const maintenance = incident('2025-05-04 01:00', null, {
        kind: 'maintenance',
        level: 'under-maintenance',
        scheduled: { from: at('2025-05-04 01:00'), to: at('2025-05-04 03:00') },
      });
      const during = computeLedger(content([maintenance]), at('2025-05-04 02:00'));
      expect(during.services[0]!.status).toBe('under-maintenance');
      expect(during.active.map((entry) => entry.status)).toEqual(['in-progress']);
      const before = computeLedger(content([maintenance]), at('2025-05-03 12:00'));
      expect(before.overall).toBe('operational');
      expect(before.upcoming.map((entry) => entry.incident.id)).toEqual([maintenance.id]);
      expect(before.active).toEqual([]);
    });

    it('is operational once every window is resolved', () => {
      const ledger = computeLedger(content([incident('2025-05-01 08:00', '2025-05-01 08:30')]), at('2025-05-01 10:00'));
      expect(ledger.overall).toBe('operational');
      expect(ledger.active).toEqual([]);
    });
  });

  describe('incident impact', () => {
    it('gives each incident its own minutes, the month’s figures and the tier without it', () => {
      const first = incident('2024-07-02 10:00', '2024-07-02 10:15');
      const second = incident('2024-07-09 10:00', '2024-07-09 10:10');
      const ledger = computeLedger(content([first, second]), at('2024-09-01 00:00'));
      const impact = ledger.incidents.find((entry) => entry.incident.id === first.id)!.impacts[0]!;
      expect(impact.eligible).toBe(true);
      expect(impact.months).toHaveLength(1);
      const month = impact.months[0]!;
      expect(month.minutes).toBe(15);
      expect(month.monthMinutes).toBe(25);
      expect(month.tier?.id).toBe('prorated');
      expect(month.tierWithout).toBeNull();
      expect(month.final).toBe(true);
    });

    it('says nothing moved when the month is in the same tier without the incident', () => {
      const big = incident('2024-07-02 10:00', '2024-07-02 18:00');
      const small = incident('2024-07-09 10:00', '2024-07-09 10:01');
      const ledger = computeLedger(content([big, small]), at('2024-09-01 00:00'));
      const month = ledger.incidents.find((entry) => entry.incident.id === small.id)!.impacts[0]!.months[0]!;
      expect(month.tier?.id).toBe('prorated-plus');
      expect(month.tierWithout?.id).toBe('prorated-plus');
    });

    it('reports an excluded cause with zero minutes and the month’s figures', () => {
      const customer = incident('2024-07-02 10:00', '2024-07-02 12:00', { cause: 'customer' });
      const ledger = computeLedger(content([customer]), at('2024-09-01 00:00'));
      const impact = ledger.incidents[0]!.impacts[0]!;
      expect(impact.eligible).toBe(false);
      expect(impact.months[0]).toMatchObject({ minutes: 0, monthMinutes: 0, availability: 100, tier: null });
    });

    it('has no months for a service with no SLA', () => {
      const ledger = computeLedger(
        content([incident('2024-07-02 10:00', '2024-07-02 12:00', { services: ['free'] })], {
          services: [service('free', { sla: null })],
        }),
        at('2024-09-01 00:00'),
      );
      expect(ledger.services[0]!.months).toEqual([]);
      expect(ledger.incidents[0]!.impacts[0]).toMatchObject({ eligible: false, months: [] });
    });

    it('gives a maintenance that started early and overran one impact, counting only the time outside its window', () => {
    const maintenance = incident('2024-05-04 00:30', '2024-05-04 04:00', {
      kind: 'maintenance',
      cause: 'maintenance',
      level: 'under-maintenance',
      scheduled: { from: at('2024-05-04 01:00'), to: at('2024-05-04 03:00') },
    });
    const ledger = computeLedger(content([maintenance]), at('2024-06-01 00:00'));
    expect(ledger.incidents[0]!.impacts).toHaveLength(1);
    expect(ledger.incidents[0]!.impacts[0]).toMatchObject({
      causes: ['platform', 'maintenance'],
      announcedMaintenance: true,
      eligible: true,
      from: at('2024-05-04 00:30'),
      to: at('2024-05-04 04:00'),
    });
    expect(ledger.incidents[0]!.impacts[0]!.months[0]!.minutes).toBe(90);
  });

  it('leaves a maintenance that kept to its window out of observed uptime, but not an incident caused by maintenance', () => {
    const announced = incident('2025-05-10 01:00', '2025-05-10 02:00', {
      kind: 'maintenance',
      level: 'under-maintenance',
      scheduled: { from: at('2025-05-10 01:00'), to: at('2025-05-10 03:00') },
    });
    const unannounced = incident('2025-05-11 01:00', '2025-05-11 02:00', { cause: 'maintenance' });
    const days = computeLedger(content([announced, unannounced]), at('2025-05-20 00:00')).services[0]!.days;
    expect(days.find((day) => day.date === '2025-05-10')!.minutes).toBe(0);
    expect(days.find((day) => day.date === '2025-05-11')!.minutes).toBe(60);
  });

  it('leaves the end of an ongoing impact open', () => {
      const ledger = computeLedger(content([incident('2024-05-04 01:00', null)]), at('2024-05-04 02:00'));
      expect(ledger.incidents[0]!.impacts[0]!.to).toBeNull();
      expect(ledger.incidents[0]!.impacts[0]!.months[0]!.minutes).toBe(60);
      expect(ledger.incidents[0]!.durationMinutes).toBeNull();
    });
  });

  describe('time and sequence edges (DESIGN "Time and sequence")', () => {
    const early = () =>
      incident('2025-01-31 23:00', null, {
        kind: 'maintenance',
        cause: 'maintenance',
        level: 'under-maintenance',
        scheduled: { from: at('2025-02-01 01:00'), to: at('2025-02-01 03:00') },
      });

    it('keeps the earlier month provisional while a maintenance that started early is still running', () => {
      const ledger = computeLedger(content([early()]), at('2025-02-01 02:00'));
      const months = ledger.incidents[0]!.impacts[0]!.months;
      expect(months.map((month) => [month.month, month.final])).toEqual([
        ['2025-01', false],
        ['2025-02', false],
      ]);
      expect(ledger.services[0]!.months.map((month) => [month.month, month.final])).toEqual([
        ['2025-01', false],
        ['2025-02', false],
      ]);
    });

    it('marks every piece of a running maintenance open, and none once it is resolved', () => {
      const running = computeLedger(content([early()]), at('2025-02-01 04:00'));
      expect(running.services[0]!.windows.map((window) => [window.cause, window.open])).toEqual([
        ['platform', true],
        ['maintenance', true],
        ['platform', true],
      ]);
      const done = computeLedger(content([{ ...early(), resolved: at('2025-02-01 04:00'), affected: [{ service: 'ecs', level: 'under-maintenance', from: at('2025-01-31 23:00'), to: at('2025-02-01 04:00') }] }]), at('2025-03-01 00:00'));
      expect(done.services[0]!.windows.every((window) => !window.open)).toBe(true);
      expect(done.services[0]!.months.map((month) => month.final)).toEqual([true, true]);
    });

    it('keeps a month provisional while the maintenance runs, also for a service whose own impact ended', () => {
      // oss was down from 23:00 to 23:30 in January; the maintenance goes on into February.
      const running = {
        ...early(),
        affected: [
          { service: 'ecs', level: 'under-maintenance' as const, from: at('2025-01-31 23:00'), to: null },
          { service: 'oss', level: 'under-maintenance' as const, from: at('2025-01-31 23:00'), to: at('2025-01-31 23:30') },
        ],
      };
      const ledger = computeLedger(content([running]), at('2025-02-01 02:00'));
      const oss = ledger.serviceById.get('oss')!;
      expect(oss.status).toBe('operational');
      expect(oss.months.map((month) => [month.month, month.minutes, month.final])).toEqual([['2025-01', 30, false]]);
      const resolved = { ...running, resolved: at('2025-02-01 03:00'), affected: [running.affected[0]!, { ...running.affected[1]!, to: at('2025-01-31 23:30') }] };
      resolved.affected[0] = { ...resolved.affected[0]!, to: at('2025-02-01 03:00') };
      expect(computeLedger(content([resolved]), at('2025-02-01 04:00')).serviceById.get('oss')!.months.map((month) => month.final)).toEqual([true]);
    });

    it('gives the same window as an incident the same provisional months', () => {
      const ledger = computeLedger(content([incident('2025-01-31 23:00', null)]), at('2025-02-01 02:00'));
      expect(ledger.incidents[0]!.impacts[0]!.months.map((month) => month.final)).toEqual([false, false]);
    });

    it("never gives an incident more of its own minutes than the month has, in a month DST makes longer", () => {
      const berlin = standardPolicy({ timeZone: 'Europe/Berlin' });
      const whole = incident('2024-10-01 00:00', '2024-11-01 00:00', { zone: 'Europe/Berlin' });
      const ledger = computeLedger(content([whole], { policies: [berlin] }), at('2024-12-01 00:00'));
      const october = ledger.incidents[0]!.impacts[0]!.months[0]!;
      expect(october.month).toBe('2024-10');
      expect(october.minutes).toBe(31 * 1440);
      expect(october.monthMinutes).toBe(31 * 1440);
      expect(october.availability).toBe(0);
    });

    it('gives an upcoming maintenance one impact per affected service, with no months', () => {
      const upcoming = incident('2025-06-10 01:00', null, {
        kind: 'maintenance',
        cause: 'maintenance',
        level: 'under-maintenance',
        services: ['ecs', 'oss'],
        scheduled: { from: at('2025-06-10 01:00'), to: at('2025-06-10 03:00') },
      });
      const ledger = computeLedger(content([upcoming]), at('2025-06-01 00:00'));
      expect(ledger.incidents[0]!.impacts).toEqual([
        { service: 'ecs', level: 'under-maintenance', causes: ['maintenance'], announcedMaintenance: true, from: at('2025-06-10 01:00'), to: null, eligible: false, months: [] },
        { service: 'oss', level: 'under-maintenance', causes: ['maintenance'], announcedMaintenance: true, from: at('2025-06-10 01:00'), to: null, eligible: false, months: [] },
      ]);
    });

    it('gives a zero-length incident its impact entry with 0 minutes and no months', () => {
      const instant = incident('2025-05-01 10:00', '2025-05-01 10:00', { services: ['ecs', 'oss'] });
      const ledger = computeLedger(content([instant]), at('2025-06-01 00:00'));
      expect(ledger.incidents[0]!.impacts.map((impact) => [impact.service, impact.from, impact.to, impact.months])).toEqual([
        ['ecs', at('2025-05-01 10:00'), at('2025-05-01 10:00'), []],
        ['oss', at('2025-05-01 10:00'), at('2025-05-01 10:00'), []],
      ]);
      expect(ledger.incidents[0]!.durationMinutes).toBe(0);
      expect(ledger.services.every((entry) => entry.months.length === 0)).toBe(true);
    });

    it('counts an outage that ends in the hour DST repeats up to the earlier instant', () => {
      const berlin = standardPolicy({ timeZone: 'Europe/Berlin' });
      const outage = incident('2024-10-27 01:00', '2024-10-27 02:30', { zone: 'Europe/Berlin' });
      const ledger = computeLedger(content([outage], { policies: [berlin] }), at('2024-12-01 00:00'));
      expect(ledger.incidents[0]!.durationMinutes).toBe(90);
      expect(ledger.incidents[0]!.impacts[0]!.months[0]!.minutes).toBe(90);
    });
  });

  it('orders incidents newest first whatever the file order', () => {
    const older = incident('2024-05-01 01:00', '2024-05-01 02:00');
    const newer = incident('2024-06-01 01:00', '2024-06-01 02:00');
    const ledger = computeLedger(content([older, newer]), at('2024-07-01 00:00'));
    expect(ledger.incidents.map((entry) => entry.incident.id)).toEqual([newer.id, older.id]);
    expect(ledger.services[0]!.incidents).toEqual([newer.id, older.id]);
  });

  it('groups services in catalog order', () => {
    const ledger = computeLedger(
      content([], {
        services: [service('a', { group: en('Compute') }), service('b', { group: en('Storage') }), service('c', { group: en('Compute') })],
      }),
      at('2024-07-01 00:00'),
    );
    expect(ledger.groups.map((group) => [group.name.en, group.services.map((entry) => entry.service.id)])).toEqual([
      ['Compute', ['a', 'c']],
      ['Storage', ['b']],
    ]);
  });

  it('measures duration and time to first update', () => {
    const entry = incident('2024-05-01 01:00', '2024-05-01 02:30', {
      updates: [update('resolved', '2024-05-01 02:35'), update('investigating', '2024-05-01 01:12')],
    });
    const ledger = computeLedger(content([entry]), at('2024-07-01 00:00'));
    expect(ledger.incidents[0]!.durationMinutes).toBe(90);
    expect(ledger.incidents[0]!.firstUpdateMinutes).toBe(12);
  });

  it('finds the first update of an incident with more updates than a call takes arguments', () => {
    const many = Array.from({ length: 500_000 }, () => update('update', '2024-05-01 01:30'));
    const entry = incident('2024-05-01 01:00', null, { updates: [...many, update('investigating', '2024-05-01 01:05')] });
    expect(computeLedger(content([entry]), at('2024-05-01 02:00')).incidents[0]!.firstUpdateMinutes).toBe(5);
  });
});

describe('incidentStatus', () => {
  const updates = [update('update', '2024-05-01 01:40'), update('monitoring', '2024-05-01 01:30'), update('identified', '2024-05-01 01:10')];
  it.each([
    { what: 'the latest update that says where it stands', entry: incident('2024-05-01 01:00', null, { updates }), status: 'monitoring' },
    { what: 'investigating before any update', entry: incident('2024-05-01 01:00', null), status: 'investigating' },
    { what: 'resolved once resolved', entry: incident('2024-05-01 01:00', '2024-05-01 01:50', { updates }), status: 'resolved' },
    { what: 'active for a notice', entry: incident('2024-05-01 01:00', null, { kind: 'notice' }), status: 'active' },
  ])('is $what', ({ entry, status }) => {
    expect(incidentStatus(entry, at('2024-05-01 02:00'))).toBe(status);
  });
});

describe('observed uptime', () => {
  it('counts every cause but announced maintenance, per day in the site zone', () => {
    const ledger = computeLedger(
      content([
        incident('2025-05-10 10:00', '2025-05-10 11:00', { cause: 'customer' }),
        incident('2025-05-11 01:00', '2025-05-11 03:00', {
          kind: 'maintenance',
          level: 'under-maintenance',
          scheduled: { from: at('2025-05-11 01:00'), to: at('2025-05-11 03:00') },
        }),
      ], { policies: [standardPolicy()] }),
      at('2025-05-20 12:00'),
    );
    const days = ledger.services[0]!.days;
    expect(days).toHaveLength(90);
    expect(days.at(-1)!.date).toBe('2025-05-20');
    expect(days.at(-1)!.range.to).toBe(at('2025-05-20 12:00'));
    const tenth = days.find((day) => day.date === '2025-05-10')!;
    expect(tenth).toMatchObject({ minutes: 60, status: 'major-outage' });
    const eleventh = days.find((day) => day.date === '2025-05-11')!;
    expect(eleventh).toMatchObject({ minutes: 0, status: 'under-maintenance' });
    const elapsed = 89 * 1440 + 12 * 60;
    expect(ledger.services[0]!.uptime).toBeCloseTo((100 * (elapsed - 60)) / elapsed, 10);
  });

  it('splits a day’s bar at local midnight', () => {
    const ledger = computeLedger(content([incident('2025-05-10 23:30', '2025-05-11 00:30')]), at('2025-05-20 12:00'));
    const days = ledger.services[0]!.days;
    expect(days.find((day) => day.date === '2025-05-10')!.minutes).toBe(30);
    expect(days.find((day) => day.date === '2025-05-11')!.minutes).toBe(30);
  });
});

describe('an incident with a very long timeline', () => {
  it('is computed with 200,000 updates without overflowing the stack', () => {
    const started = at('2025-05-01 09:00');
    const updates = Array.from({ length: 200_000 }, (_, index): Update => ({ status: 'update', at: started + (index + 1) * 1000, text: { en: { html: '', markdown: '' } }, line: 200_010 - index }));
    const ledger = computeLedger(content([incident('2025-05-01 09:00', null, { updates })]), started + 300_000_000);
    expect(ledger.incidents[0]!.firstUpdateMinutes).toBeCloseTo(1 / 60);
  });
});
