import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { earliest, formatWallTime, lastDays, latest, monthOf, monthRange, monthsTouched, parseTime, readTime } from '../../src/core/time.ts';

describe('parseTime', () => {
  it.each([
    ['2025-01-18 02:11', '2025-01-17T18:11:00.000Z'],
    ['2025-01-18T02:11', '2025-01-17T18:11:00.000Z'],
    ['2025-01-18 02:11:30', '2025-01-17T18:11:30.000Z'],
    ['2025-01-17T18:11Z', '2025-01-17T18:11:00.000Z'],
    ['2025-01-18T02:11+08:00', '2025-01-17T18:11:00.000Z'],
    ['2025-01-17 13:11-05:00', '2025-01-17T18:11:00.000Z'],
    ['2024-02-29 00:00', '2024-02-28T16:00:00.000Z'],
  ])('reads %s (Asia/Shanghai when no offset) as %s', (text, iso) => {
    expect(new Date(parseTime(text, 'Asia/Shanghai')!).toISOString()).toBe(iso);
  });

  it.each(['2025-01-18', '02:11', '2025-13-01 00:00', '2025-02-29 00:00', '2025-01-18 24:00', '2025-01-18 02:60', 'soon', '2025-01-18 02:11+25:00'])(
    'refuses %s',
    (text) => {
      expect(parseTime(text, 'UTC')).toBeUndefined();
    },
  );

  it('reads a YAML value without an offset in the site zone, never as implicit UTC', () => {
    const front = parseDocument('started: 2025-01-18 02:11:00').toJS() as { started: unknown };
    expect(front.started).toBe('2025-01-18 02:11:00');
    expect(new Date(parseTime(front.started as string, 'Asia/Shanghai')!).toISOString()).toBe('2025-01-17T18:11:00.000Z');
  });

  // Each repeated wall time is read as the earlier of its two instants; each
  // skipped one moves forward by the gap. Both directions, in zones whose DST
  // is an hour, half an hour (Lord Howe) or starts at 02:45 (Chatham).
  it.each([
    ['Europe/Berlin', 'repeated', '2024-10-27 02:00', '2024-10-27T00:00:00.000Z'],
    ['Europe/Berlin', 'repeated', '2024-10-27 02:30', '2024-10-27T00:30:00.000Z'],
    ['Europe/Berlin', 'repeated', '2024-10-27 02:59:59', '2024-10-27T00:59:59.000Z'],
    ['Europe/Berlin', 'after the repeat', '2024-10-27 03:00', '2024-10-27T02:00:00.000Z'],
    ['Europe/Berlin', 'skipped', '2024-03-31 02:30', '2024-03-31T01:30:00.000Z'],
    ['Europe/Berlin', 'before the gap', '2024-03-31 01:59', '2024-03-31T00:59:00.000Z'],
    ['Europe/London', 'repeated', '2024-10-27 01:30', '2024-10-27T00:30:00.000Z'],
    ['Europe/London', 'skipped', '2024-03-31 01:30', '2024-03-31T01:30:00.000Z'],
    ['America/New_York', 'repeated', '2024-11-03 01:30', '2024-11-03T05:30:00.000Z'],
    ['America/New_York', 'skipped', '2024-03-10 02:30', '2024-03-10T07:30:00.000Z'],
    ['Australia/Lord_Howe', 'repeated', '2024-04-07 01:45', '2024-04-06T14:45:00.000Z'],
    ['Australia/Lord_Howe', 'skipped', '2024-10-06 02:15', '2024-10-05T15:45:00.000Z'],
    ['Pacific/Chatham', 'repeated', '2024-04-07 03:00', '2024-04-06T13:15:00.000Z'],
    ['Pacific/Chatham', 'skipped', '2024-09-29 03:00', '2024-09-28T14:15:00.000Z'],
    ['Asia/Shanghai', 'repeated (1991 DST)', '1991-09-15 01:30', '1991-09-14T16:30:00.000Z'],
    ['Asia/Shanghai', 'skipped (1991 DST)', '1991-04-14 02:30', '1991-04-13T18:30:00.000Z'],
    ['Asia/Shanghai', 'no DST today', '2024-10-27 02:30', '2024-10-26T18:30:00.000Z'],
  ])('reads %s %s wall time %s as %s', (zone, _, text, iso) => {
    expect(new Date(parseTime(text, zone)!).toISOString()).toBe(iso);
  });

  it('gives a repeated wall time the earlier instant also when written with T or seconds', () => {
    expect(parseTime('2024-10-27T02:30:00', 'Europe/Berlin')).toBe(Date.parse('2024-10-27T00:30:00Z'));
  });
});

describe('formatWallTime', () => {
  it.each([
    ['Europe/Berlin', '2024-10-27T00:30:00Z', '2024-10-27 02:30', '2024-10-27 02:30 +02:00'],
    ['Europe/Berlin', '2024-10-27T01:30:00Z', '2024-10-27 02:30', '2024-10-27 02:30 +01:00'],
    ['Australia/Lord_Howe', '2024-04-06T15:15:00Z', '2024-04-07 01:45', '2024-04-07 01:45 +10:30'],
    ['America/New_York', '2024-11-03T06:30:00Z', '2024-11-03 01:30', '2024-11-03 01:30 -05:00'],
    ['UTC', '1999-12-31T23:59:59Z', '1999-12-31 23:59', '1999-12-31 23:59 +00:00'],
  ])('writes an instant in %s as an editor reads it', (zone, iso, plain, withOffset) => {
    expect(formatWallTime(Date.parse(iso), zone)).toBe(plain);
    expect(formatWallTime(Date.parse(iso), zone, { offset: true })).toBe(withOffset);
  });

  it('writes seconds when asked', () => {
    expect(formatWallTime(Date.parse('2025-01-17T18:11:30Z'), 'Asia/Shanghai', { seconds: true })).toBe('2025-01-18 02:11:30');
  });

  it('reads back every minute of a DST change as the same instant, or as the earlier one when repeated', () => {
    for (const zone of ['Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/New_York']) {
      for (let instant = Date.parse('2024-10-26T00:00:00Z'); instant < Date.parse('2024-11-04T12:00:00Z'); instant += 15 * 60_000) {
        const back = parseTime(formatWallTime(instant, zone), zone)!;
        expect(back === instant || back === instant - 3_600_000 || back === instant - 1_800_000, `${zone} ${new Date(instant).toISOString()}`).toBe(true);
      }
    }
  });
});

describe('monthRange', () => {
  it('cuts a month at local midnight in the zone', () => {
    const range = monthRange('2024-04', 'Asia/Shanghai');
    expect(new Date(range.from).toISOString()).toBe('2024-03-31T16:00:00.000Z');
    expect(new Date(range.to).toISOString()).toBe('2024-04-30T16:00:00.000Z');
  });
  it('follows the offset in force at each end', () => {
    const range = monthRange('2024-11', 'America/New_York');
    expect(new Date(range.from).toISOString()).toBe('2024-11-01T04:00:00.000Z');
    expect(new Date(range.to).toISOString()).toBe('2024-12-01T05:00:00.000Z');
  });
});

describe('monthsTouched', () => {
  it('lists every month of a range, half-open at the end', () => {
    const from = Date.parse('2024-01-31T00:00:00Z');
    expect(monthsTouched({ from, to: Date.parse('2024-04-01T00:00:00Z') }, 'UTC')).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(monthsTouched({ from, to: from }, 'UTC')).toEqual([]);
  });
  it('crosses a year', () => {
    expect(monthsTouched({ from: Date.parse('2024-12-31T00:00:00Z'), to: Date.parse('2025-01-02T00:00:00Z') }, 'UTC')).toEqual([
      '2024-12',
      '2025-01',
    ]);
  });
  it('uses the zone for the month of an instant', () => {
    expect(monthOf(Date.parse('2024-03-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2024-04');
    expect(monthOf(Date.parse('2024-03-31T16:00:00Z'), 'UTC')).toBe('2024-03');
  });
});

describe('lastDays', () => {
  it('returns days oldest first ending with today, 23 hours on the spring-forward day', () => {
    const days = lastDays(Date.parse('2024-03-11T12:00:00Z'), 3, 'America/New_York');
    expect(days.map((day) => day.date)).toEqual(['2024-03-09', '2024-03-10', '2024-03-11']);
    expect((days[1]!.range.to - days[1]!.range.from) / 3_600_000).toBe(23);
  });
});

describe('earliest and latest', () => {
  it.each([
    ['a few instants', [3, 1, 2], undefined, 1, 3],
    ['none', [], undefined, Infinity, -Infinity],
    ['none, with a bound', [], 5, 5, 5],
    ['instants beyond the bound', [3, 7], 5, 3, 7],
  ])('gives the earliest and the latest of %s', (_, instants, bound, first, last) => {
    expect(earliest(instants, bound)).toBe(first);
    expect(latest(instants, bound)).toBe(last);
  });

  it('takes 500,000 instants, which spread into Math.min would overflow the stack', () => {
    const instants = Array.from({ length: 500_000 }, (_, index) => index);
    expect(earliest(instants)).toBe(0);
    expect(latest(instants)).toBe(499_999);
  });
});

describe('readTime', () => {
  it.each([
    ['1970-01-01 00:00Z', { instant: 0 }],
    ['1970-01-01 08:00', { instant: 0 }],
    ['1970-01-01 07:59', { early: '1969-12-31 23:59 UTC' }],
    ['1970-01-01T00:00+14:00', { early: '1969-12-31 10:00 UTC' }],
    ['1969-12-31 23:59Z', { early: 'the year 1969' }],
    ['0026-11-18 10:00', { early: 'the year 0026' }],
    ['1970-02-30 10:00', { invalid: true }],
    ['soon', { invalid: true }],
  ])('reads %s in Asia/Shanghai as %j: nothing before 1970-01-01 00:00 UTC', (text, reading) => {
    expect(readTime(text, 'Asia/Shanghai')).toEqual(reading);
  });
});
