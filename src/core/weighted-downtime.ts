/**
 * The one place downtime is added up: each instant counts once, with the
 * highest weight of the windows over it, so overlaps never double count.
 */
import { MINUTE_MS, type Range } from './time.ts';

/** A span of time and the share of it that counts as unavailable. */
export interface WeightedRange extends Range {
  weight: number;
}

/**
 * Returns the weighted minutes of the union of `ranges` within `within`
 * (half-open): every instant counts once, with the highest weight over it.
 * Runs in O(n log n).
 */
export function weightedMinutes(ranges: readonly WeightedRange[], within: Range): number {
  const edges: { at: number; weight: number; delta: 1 | -1 }[] = [];
  for (const range of ranges) {
    const from = Math.max(range.from, within.from);
    const to = Math.min(range.to, within.to);
    if (from >= to || range.weight <= 0) continue;
    edges.push({ at: from, weight: range.weight, delta: 1 }, { at: to, weight: range.weight, delta: -1 });
  }
  edges.sort((a, b) => a.at - b.at);
  // Weights come from a handful of levels, so a count per weight is enough.
  const active = new Map<number, number>();
  let total = 0;
  let previous = 0;
  for (const edge of edges) {
    let heaviest = 0;
    for (const weight of active.keys()) heaviest = Math.max(heaviest, weight);
    total += (edge.at - previous) * heaviest;
    previous = edge.at;
    const count = (active.get(edge.weight) ?? 0) + edge.delta;
    if (count === 0) active.delete(edge.weight);
    else active.set(edge.weight, count);
  }
  return total / MINUTE_MS;
}
