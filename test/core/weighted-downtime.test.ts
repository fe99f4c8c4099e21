import { describe, expect, it } from 'vitest';
import { weightedMinutes } from '../../src/core/weighted-downtime.ts';

const m = (minutes: number) => minutes * 60_000;
const all = { from: 0, to: m(10_000) };

describe('weightedMinutes', () => {
  it('adds disjoint windows', () => {
    expect(weightedMinutes([{ from: m(0), to: m(10), weight: 1 }, { from: m(20), to: m(25), weight: 1 }], all)).toBe(15);
  });
  it('counts each instant once, at the highest weight over it', () => {
    const ranges = [
      { from: m(0), to: m(60), weight: 0.3 },
      { from: m(10), to: m(20), weight: 1 },
      { from: m(15), to: m(30), weight: 1 },
    ];
    expect(weightedMinutes(ranges, all)).toBeCloseTo(20 + 40 * 0.3, 10);
  });
  it('treats windows as half-open: touching windows do not overlap', () => {
    expect(weightedMinutes([{ from: m(0), to: m(10), weight: 1 }, { from: m(10), to: m(20), weight: 1 }], all)).toBe(20);
  });
  it('clips to the range', () => {
    expect(weightedMinutes([{ from: m(-10), to: m(10), weight: 1 }], { from: 0, to: m(5) })).toBe(5);
  });
  it('ignores empty, inverted and zero-weight windows', () => {
    expect(weightedMinutes([{ from: m(5), to: m(5), weight: 1 }, { from: m(9), to: m(3), weight: 1 }, { from: 0, to: m(9), weight: 0 }], all)).toBe(0);
  });
});
