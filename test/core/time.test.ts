import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { lastDays, monthOf, monthRange, monthsTouched, parseTime } from '../../src/core/time.ts';

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

  it('moves a wall time skipped by DST forward by the gap', () => {
    expect(new Date(parseTime('2024-03-10 02:30', 'America/New_York')!).toISOString()).toBe('2024-03-10T07:30:00.000Z');
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
