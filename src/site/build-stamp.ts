/**
 * The build stamp (page-keys.ts) of this process: worked out once by the
 * build-cache integration from the project's root, and read by the pages,
 * which Astro bundles apart from the config but runs in the same process.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildStamp, type BuildStamp } from './page-keys.ts';

/** The versions of Astro and of this project that `root` builds with. */
export function currentStamp(root: string): BuildStamp {
  const require = createRequire(path.join(root, 'package.json'));
  const version = (name: string) => (require(name) as { version: string }).version;
  return buildStamp(process.versions, version('astro/package.json'), version('./package.json'));
}

/** Where a process keeps the stamp for the pages, across module copies (the pages are bundled apart from the config). */
const STAMP = Symbol.for('status-ledger.build-stamp');

/** Makes `stamp` the one the pages of this process key with. */
export function publishStamp(stamp: BuildStamp): void {
  (globalThis as { [STAMP]?: BuildStamp })[STAMP] = stamp;
}

/** The stamp published by the integration; one worked out from the running Node where none was (a page module loaded on its own). */
export function publishedStamp(): BuildStamp {
  return (globalThis as { [STAMP]?: BuildStamp })[STAMP] ?? buildStamp(process.versions, 'unknown', 'unknown');
}

