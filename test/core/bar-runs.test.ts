import { describe, expect, it } from 'vitest';
import { barRuns, type DayBar } from '../../src/core/observed-uptime.ts';

/** Days from a pattern: `.` a quiet day, `x` a day with a major outage. */
function days(pattern: string): DayBar[] {
  return [...pattern].map((mark, index) => ({
    date: `2025-01-${String(index + 1).padStart(2, '0')}`,
    range: { from: index, to: index + 1 },
    status: mark === 'x' ? 'major-outage' : 'operational',
    minutes: mark === 'x' ? 10 : 0,
    incidents: mark === 'x' ? [`i${index}`] : [],
    noData: false,
  }));
}

const shape = (pattern: string, options: Parameters<typeof barRuns>[1]) =>
  barRuns(days(pattern), options).map((run) => `${run.quiet ? '.' : 'x'}${run.days.length}${run.recent === undefined ? '' : `r${run.recent}`}`);

describe('barRuns', () => {
  it.each([
    // pattern, recent days, runs: kind, days, and (r) how many of its days are recent
    ['.....', undefined, ['.5']],
    ['..x..', undefined, ['.2', 'x1', '.2']],
    ['.....', 2, ['.5r2']],
    ['..x..', 3, ['.2', 'x1r1', '.2']],
    ['..x..', 2, ['.2', 'x1', '.2r2']],
    ['x....', 4, ['x1', '.4r4']],
    ['.x.x.', 5, ['.1r1', 'x1', '.1', 'x1', '.1']],
    ['...', 10, ['.3r3']],
  ])('groups %s with %s recent days as %j', (pattern, recentDays, runs) => {
    expect(shape(pattern, { recentDays })).toEqual(runs);
  });

  it('draws every day as its own run without grouping', () => {
    expect(shape('..x', { groupQuiet: false })).toEqual(['.1', '.1', 'x1']);
  });

  it('keeps every day in exactly one run, in order', () => {
    const all = days('..x...x.x.....x..');
    expect(barRuns(all, { recentDays: 7 }).flatMap((run) => run.days)).toEqual(all);
  });
});
