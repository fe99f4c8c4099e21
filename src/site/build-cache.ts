/**
 * Incremental builds and their guards (an Astro integration, see
 * astro.config.mjs). A build leaves a keyed page (a page of an incident, a
 * service, a month, a service's feed, a badge) as the last build wrote it
 * when its key (page-keys.ts) is unchanged: the route leaves it out of what
 * Astro renders (page-reuse.ts), and its file stays in the output folder.
 * Every other file is written afresh. That is only right while the output
 * folder holds exactly what the last finished build wrote. So:
 *
 * - The last finished build's record (RECORD_FILE) lists every file it
 *   wrote with its size and modification time, and each keyed page's key.
 *   A build deletes it before writing anything and writes it once it has
 *   finished; a build that does not (an error in a page, a cancelled run, a
 *   killed process) leaves no record and a marker, and the next build
 *   starts clean. Without that, pages the failed build had already written
 *   would be taken for the last good build's (a failed build poisons the
 *   cache).
 * - The record holds the build stamp (page-keys.ts): a cache written by
 *   another Node, ICU, Astro, Status Ledger or code is cleared, not trusted.
 * - A file in the output folder is trusted only when it is the very file
 *   the record lists (same size and modification time): one another build,
 *   a copy or an editor touched is removed first, and so is the whole
 *   folder when the record is of another one.
 * - The cache keeps every keyed page (PAGES_DIR, a hard link to the output
 *   file where the file system allows, else a copy), so a fresh output
 *   folder (a CI runner that restored the cache) gets the unchanged pages
 *   back; a kept page is only put back when it is still the very file the
 *   record lists.
 * - Whatever the last build wrote that this one does not (a deleted
 *   incident's page) is removed, and so is every file that is not a page
 *   (styles, scripts, public/ files): the build writes those afresh.
 *
 * Every cache lives under Astro's `cacheDir` (STATUS_CACHE_DIR, default
 * node_modules/.astro): an empty one means a clean build, and so does
 * `astro build --force`.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { currentStamp, publishStamp } from './build-stamp.ts';
import { contentCachePlace, publishContentCache } from './content-cache.ts';
import { filesUnder } from './files.ts';
import type { BuildStamp } from './page-keys.ts';
import { finishReuse, startReuse } from './page-reuse.ts';

/** Our files under the cache folder. */
export const CACHE_SUBDIR = 'status-ledger';
/** There while a build writes pages; gone once it has finished. */
export const PENDING_FILE = 'build-pending';
/** What the last finished build wrote: its stamp, its output folder, each page's size and modification time, each keyed page's key. */
export const RECORD_FILE = 'outputs.json';
/** The cache's copy of every keyed page, in one folder (keptName names each). */
export const PAGES_DIR = 'pages';
/** What earlier versions kept under the cache folder (Astro's incremental build): removed when the cache is cleared. */
const OLD_CACHES = ['incremental-build.json', 'dist'];

/** The last finished build, as recorded in RECORD_FILE. */
export interface OutputRecord {
  stamp: BuildStamp;
  /** The output folder, absolute. */
  outDir: string;
  /** Every page and endpoint file it wrote, relative to outDir, with `[size, mtimeMs]`. */
  files: Record<string, [number, number]>;
  /** Every keyed page's file (relative to outDir), with its key and its copy's `[size, mtimeMs]` in PAGES_DIR. */
  keyed: Record<string, { key: string; kept: [number, number] }>;
}

/** What a build does with the cache it finds. */
export type CacheVerdict = { clear: false } | { clear: true; why: string };

/**
 * Whether a build may use the cache it finds: not after a build that did not
 * finish (`pending`), not when it was written under another stamp, not when
 * asked to build clean (`force`).
 */
export function cacheVerdict(found: { pending: boolean; record: OutputRecord | null; force: boolean }, stamp: BuildStamp): CacheVerdict {
  if (found.force) return { clear: true, why: 'asked to build clean (--force)' };
  if (found.pending) return { clear: true, why: 'the last build did not finish, so its cache may hold pages of a failed build' };
  if (found.record && JSON.stringify(found.record.stamp) !== JSON.stringify(stamp)) {
    return { clear: true, why: `the cache was written by another version (${describe(found.record.stamp)}; now ${describe(stamp)})` };
  }
  return { clear: false };
}

function describe(stamp: BuildStamp): string {
  return `Node ${stamp.node}, ICU ${stamp.icu}, tz ${stamp.tz}, Astro ${stamp.astro}, Status Ledger ${stamp.statusLedger}, code ${stamp.code?.slice(0, 12)}, keys v${stamp.keyVersion}`;
}

/**
 * Which of the files found in the output folder (`found`, relative to it)
 * are the very files `record` lists, with the recorded size and
 * modification time (`stat` gives them). The others (a page another build,
 * a copy or an editor wrote, styles and scripts, a file someone added) are
 * not: the build removes them.
 */
export function trustedOutputs(record: OutputRecord, found: readonly string[], stat: (file: string) => [number, number] | undefined): Set<string> {
  const trusted = new Set<string>();
  for (const file of found) {
    const expected = record.files[file];
    const now = expected && stat(file);
    if (now && now[0] === expected[0] && now[1] === expected[1]) trusted.add(file);
  }
  return trusted;
}

/**
 * Whether the cache's copy of a page, found with `found` (`[size, mtimeMs]`),
 * is the one the last build recorded (`expected`): the same size, and the
 * same modification time to the second (a cache saved and restored as an
 * archive, as CI does, keeps whole seconds).
 */
export function keptCopyIntact(found: [number, number] | undefined, expected: [number, number]): boolean {
  return !!found && found[0] === expected[0] && Math.floor(found[1] / 1000) === Math.floor(expected[1] / 1000);
}

/** The files of the last build that this one did not write: a deleted incident's page, a page number that is gone. */
export function staleOutputs(previous: Iterable<string>, current: ReadonlySet<string>): string[] {
  return [...previous].filter((file) => !current.has(file));
}

function readRecord(file: string): OutputRecord | null {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as OutputRecord;
    return record && typeof record.outDir === 'string' && record.files && record.keyed && record.stamp ? record : null;
  } catch {
    return null;
  }
}

/** `[size, mtimeMs]` of a file, `undefined` when it is not a file. */
function sizeAndTime(file: string): [number, number] | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? [stat.size, stat.mtimeMs] : undefined;
}

/**
 * The name of the cache's copy of the output file `file` in PAGES_DIR: a
 * digest of its path, so every copy is in one folder (no folder to make per
 * page) and no path is too long for a name.
 */
export function keptName(file: string): string {
  return createHash('sha1').update(file).digest('base64url');
}

/**
 * Puts `from` at `to` (which must not exist) as a hard link (no bytes
 * copied, none kept twice), or a copy where the file system has no links
 * between them; says which.
 */
function linkOrCopy(from: string, to: string): 'linked' | 'copied' {
  try {
    linkSync(from, to);
    return 'linked';
  } catch {
    copyFileSync(from, to);
    return 'copied';
  }
}

/** Removes the folders of `files` (relative to `dir`) that are left empty, up to `dir`. */
function removeEmptyFolders(dir: string, files: readonly string[]): void {
  const folders = new Set<string>();
  for (const file of files) {
    for (let folder = path.dirname(file); folder !== '.' && folder !== ''; folder = path.dirname(folder)) folders.add(folder);
  }
  // Deepest first, so a folder that only held empty folders goes too.
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    try {
      rmdirSync(path.join(dir, folder));
    } catch {
      // Not empty, or already gone.
    }
  }
}

/** Empties `dir`, keeping the folder itself. */
function emptyFolder(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) rmSync(path.join(dir, name), { recursive: true, force: true });
}

/**
 * The keyed pages of `record` this build may leave as they are, each with
 * its key: those still in the output folder `outDir` as recorded
 * (`trusted`), and those missing from it, put back from the cache's copies
 * (PAGES_DIR under `ours`) while a copy is the one the record lists. A page
 * that is in the folder but not as recorded (`removed`) is not put back:
 * written over in place, its copy may have changed with it.
 */
export function restoreKept(record: OutputRecord, ours: string, outDir: string, trusted: ReadonlySet<string>, removed: ReadonlySet<string>): Map<string, string> {
  const kept = new Map<string, string>();
  const folders = new Set<string>();
  for (const [file, { key, kept: expected }] of Object.entries(record.keyed)) {
    if (trusted.has(file)) {
      kept.set(file, key);
      continue;
    }
    const copy = path.join(ours, PAGES_DIR, keptName(file));
    if (removed.has(file) || !keptCopyIntact(sizeAndTime(copy), expected)) continue;
    const target = path.join(outDir, file);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    linkOrCopy(copy, target);
    kept.set(file, key);
  }
  return kept;
}

/** The integration: incremental builds, and the guards around every `astro build`. */
export function buildCache(): AstroIntegration {
  let cacheDir = '';
  let outDir = '';
  let ours = '';
  let previous: OutputRecord | null = null;
  /** The files in the output folder as the last build recorded them, found at the start of this one. */
  let trusted = new Set<string>();
  let stamp: BuildStamp;
  return {
    name: 'status-ledger-build-cache',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        const root = fileURLToPath(config.root);
        stamp = currentStamp(root);
        publishStamp(stamp);
        publishContentCache(undefined);
        if (command !== 'build') return;
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = path.resolve(fileURLToPath(config.outDir));
        ours = path.join(cacheDir, CACHE_SUBDIR);
        // The content is read after this (the content sync): through the content cache, unless asked to build clean.
        const place = contentCachePlace(cacheDir, stamp.code);
        if (process.argv.includes('--force')) rmSync(place.dir, { recursive: true, force: true });
        publishContentCache(place);
      },
      // After the content is read (a mistake in it stops the build before this, having written nothing),
      // before any page is rendered.
      'astro:build:start': ({ logger }) => {
        previous = readRecord(path.join(ours, RECORD_FILE));
        const verdict = cacheVerdict({ pending: existsSync(path.join(ours, PENDING_FILE)), record: previous, force: process.argv.includes('--force') }, stamp);
        if (verdict.clear) {
          logger.info(`Building clean: ${verdict.why}.`);
          for (const name of OLD_CACHES) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
          rmSync(path.join(ours, PAGES_DIR), { recursive: true, force: true });
          previous = null;
        }
        let kept = new Map<string, string>();
        trusted = new Set();
        if (previous?.outDir === outDir) {
          const found = filesUnder(outDir);
          trusted = trustedOutputs(previous, found, (file) => sizeAndTime(path.join(outDir, file)));
          const removed = found.filter((file) => !trusted.has(file));
          const changed = removed.find((file) => previous!.files[file]);
          if (changed) logger.info(`The output folder is not what the last build wrote (${changed}): what the build cannot vouch for goes, and unchanged pages come back from the cache.`);
          for (const file of removed) rmSync(path.join(outDir, file), { force: true });
          removeEmptyFolders(outDir, removed);
          kept = restoreKept(previous, ours, outDir, trusted, new Set(removed));
        } else {
          // No record, or one of another output folder: nothing in this one can be vouched for.
          emptyFolder(outDir);
          if (previous) kept = restoreKept(previous, ours, outDir, new Set(), new Set());
        }
        startReuse(kept);
        mkdirSync(ours, { recursive: true });
        rmSync(path.join(ours, RECORD_FILE), { force: true });
        writeFileSync(path.join(ours, PENDING_FILE), `${new Date().toISOString()} pid ${process.pid}\n`);
      },
      'astro:build:done': ({ assets, dir, logger }) => {
        const root = fileURLToPath(dir);
        const reuse = finishReuse() ?? { keys: new Map<string, string>(), reused: new Set<string>() };
        const written = new Set<string>();
        for (const urls of assets.values()) {
          for (const url of urls) written.add(path.relative(root, fileURLToPath(url)).split(path.sep).join('/'));
        }
        for (const file of reuse.keys.keys()) {
          if (!written.has(file) && !reuse.reused.has(file)) {
            throw new Error(`${file}: a keyed route names this file for one of its pages, but the build did not write it; the route's file (src/site/ledger.ts keyedPaths) must be the one Astro writes`);
          }
        }
        const current = new Set([...written, ...reuse.reused]);
        const stale = staleOutputs(Object.keys(previous?.files ?? {}), current);
        for (const file of stale) rmSync(path.join(outDir, file), { force: true });
        removeEmptyFolders(outDir, stale);
        const kept = path.join(ours, PAGES_DIR);
        for (const file of staleOutputs(Object.keys(previous?.keyed ?? {}), new Set(reuse.keys.keys()))) rmSync(path.join(kept, keptName(file)), { force: true });

        mkdirSync(kept, { recursive: true });
        const record: OutputRecord = { stamp, outDir, files: {}, keyed: {} };
        for (const file of [...current].sort()) {
          // A page left in place that was already there as recorded is as it was: no need to look again.
          const found = reuse.reused.has(file) && trusted.has(file) ? previous!.files[file] : sizeAndTime(path.join(outDir, file));
          if (found) record.files[file] = found;
        }
        for (const [file, key] of reuse.keys) {
          // A page left in place has the copy the last build recorded (a restored one is a link to it).
          if (reuse.reused.has(file)) {
            record.keyed[file] = previous!.keyed[file]!;
            continue;
          }
          const output = path.join(outDir, file);
          const copy = path.join(kept, keptName(file));
          const page = statSync(output);
          let found = statSync(copy, { throwIfNoEntry: false });
          // A page rendered over a hard link to its copy (a kept page whose key changed) is its copy already.
          if (found?.ino !== page.ino || found.dev !== page.dev) {
            if (found) rmSync(copy);
            found = linkOrCopy(output, copy) === 'linked' ? page : statSync(copy);
          }
          record.keyed[file] = { key, kept: [found.size, found.mtimeMs] };
        }
        writeFileSync(path.join(ours, RECORD_FILE), JSON.stringify(record));
        rmSync(path.join(ours, PENDING_FILE), { force: true });
        logger.info(`${reuse.reused.size} pages kept from the last build, ${written.size} files written.`);
      },
    },
  };
}
