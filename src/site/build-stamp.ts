/**
 * The build stamp (page-keys.ts) of this process: worked out once by the
 * build-cache integration from the project's root, and read by the pages,
 * which Astro bundles apart from the config but runs in the same process.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { filesUnder } from './files.ts';
import { buildStamp, type BuildStamp } from './page-keys.ts';

/** What a build of the project runs besides node_modules: its code, its config, and (for node_modules) the lockfile. */
const CODE = ['astro.config.mjs', 'package.json', 'package-lock.json'];

/**
 * A digest of the code the project at `root` builds with: every file under
 * src/ (pages, components, styles, the core), the Astro config, package.json
 * and the lockfile (which pins every dependency). Any change to them gives
 * another digest.
 */
export function codeDigest(root: string): string {
  const hash = createHash('sha256');
  const files = [...filesUnder(path.join(root, 'src')).map((file) => `src/${file}`), ...CODE];
  for (const file of files) {
    const at = path.join(root, file);
    hash.update(`\n${file}\n`).update(existsSync(at) ? readFileSync(at) : '(none)');
  }
  return hash.digest('base64url');
}

/** The versions of Astro and of this project that `root` builds with, and a digest of its code. */
export function currentStamp(root: string): BuildStamp {
  const require = createRequire(path.join(root, 'package.json'));
  const version = (name: string) => (require(name) as { version: string }).version;
  return buildStamp(process.versions, version('astro/package.json'), version('./package.json'), codeDigest(root));
}

/** Where a process keeps the stamp for the pages, across module copies (the pages are bundled apart from the config). */
const STAMP = Symbol.for('status-ledger.build-stamp');

/** Makes `stamp` the one the pages of this process key with. */
export function publishStamp(stamp: BuildStamp): void {
  (globalThis as { [STAMP]?: BuildStamp })[STAMP] = stamp;
}

/** The stamp published by the integration; one worked out from the running Node where none was (a page module loaded on its own). */
export function publishedStamp(): BuildStamp {
  return (globalThis as { [STAMP]?: BuildStamp })[STAMP] ?? buildStamp(process.versions, 'unknown', 'unknown', 'unknown');
}

