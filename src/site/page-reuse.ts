/**
 * Which keyed pages a build leaves as the last build wrote them. The
 * build-cache integration (build-cache.ts) knows, before any page is
 * rendered, which page files the output folder holds as the last finished
 * build wrote them and under which key (page-keys.ts); a keyed route
 * (ledger.ts `keyedPaths`) asks, for each of its pages, whether its file is
 * one of them with the same key, and leaves it out of what Astro renders if
 * so. The integration then learns every keyed page's file and key, to
 * record for the next build.
 *
 * The two sides are bundled apart (the config and the pages) but run in the
 * same process: the state is kept on `globalThis`. Where no build published
 * it (the dev server, a page module loaded on its own) every page renders.
 */

/** One build's state: the pages it may keep, and what it learnt of every keyed page. */
interface Reuse {
  /** The files in the output folder as the last build wrote them, each with the key it was rendered under. */
  kept: ReadonlyMap<string, string>;
  /** Every keyed page of this build: its file and its key. */
  keys: Map<string, string>;
  /** The files this build leaves in place (their key is the same). */
  reused: Set<string>;
}

const REUSE = Symbol.for('status-ledger.page-reuse');

function current(): Reuse | undefined {
  return (globalThis as { [REUSE]?: Reuse })[REUSE];
}

/** Starts a build that may leave the files of `kept` (file → key, relative to the output folder) in place. */
export function startReuse(kept: ReadonlyMap<string, string>): void {
  (globalThis as { [REUSE]?: Reuse })[REUSE] = { kept, keys: new Map(), reused: new Set() };
}

/**
 * Whether the page that `file` (relative to the output folder) holds, under
 * `key`, can be left as the last build wrote it: true when the last build
 * wrote that file under the same key and it is still there. Records the
 * page's key either way.
 */
export function reuses(file: string, key: string): boolean {
  const reuse = current();
  if (!reuse) return false;
  reuse.keys.set(file, key);
  if (reuse.kept.get(file) !== key) return false;
  reuse.reused.add(file);
  return true;
}

/** Ends the build's reuse: every keyed page's file and key, and the files left in place; `undefined` when none was started. */
export function finishReuse(): { keys: Map<string, string>; reused: Set<string> } | undefined {
  const reuse = current();
  delete (globalThis as { [REUSE]?: Reuse })[REUSE];
  return reuse && { keys: reuse.keys, reused: reuse.reused };
}
