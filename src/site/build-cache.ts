/**
 * The build cache's guards (an Astro integration, see astro.config.mjs).
 * Astro's incremental build copies a page from the last build when its key
 * (page-keys.ts) is unchanged; with the output folder kept between builds a
 * page whose file is already there is simply left in place. That is only
 * right while the cache and the output folder hold exactly what the last
 * finished build wrote. So:
 *
 * - A build that does not finish (an error in a page, a cancelled run, a
 *   killed process) leaves a marker; the next build finds it and starts
 *   clean. Without it, pages the failed build had already written would be
 *   taken for the last good build's (a failed build poisons the cache).
 * - The cache remembers the build stamp (page-keys.ts): a cache written by
 *   another Node, ICU, Astro or Status Ledger is cleared, not trusted.
 * - The output folder is trusted only when every page in it is the very
 *   file the last build recorded (same size and modification time), so a
 *   folder another build, a copy or an editor touched is emptied first (the
 *   pages are then copied back from the cache).
 * - Whatever the last build wrote that this one does not (a deleted
 *   incident's page) is removed, and so is every file that is not a page
 *   (styles, scripts, public/ files): the build writes those afresh.
 *
 * Every cache lives under Astro's `cacheDir` (STATUS_CACHE_DIR, default
 * node_modules/.astro): an empty one means a clean build, and so does
 * `astro build --force`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { currentStamp, publishStamp } from './build-stamp.ts';
import { contentCachePlace, publishContentCache } from './content-cache.ts';
import { filesUnder } from './files.ts';
import type { BuildStamp } from './page-keys.ts';

/** Our files under the cache folder. */
export const CACHE_SUBDIR = 'status-ledger';
/** There while a build writes pages; gone once it has finished. */
export const PENDING_FILE = 'build-pending';
/** What the last finished build wrote: its stamp, its output folder, and each page's size and modification time. */
export const RECORD_FILE = 'outputs.json';
/** Astro's incremental build: its manifest and its copy of every keyed page. */
const ASTRO_CACHE = ['incremental-build.json', 'dist'];

/** The last finished build, as recorded in RECORD_FILE. */
export interface OutputRecord {
  stamp: BuildStamp;
  /** The output folder, absolute. */
  outDir: string;
  /** Every page and endpoint file it wrote, relative to outDir, with `[size, mtimeMs]`. */
  files: Record<string, [number, number]>;
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
  return `Node ${stamp.node}, ICU ${stamp.icu}, tz ${stamp.tz}, Astro ${stamp.astro}, Status Ledger ${stamp.statusLedger}, keys v${stamp.keyVersion}`;
}

/**
 * Whether the output folder holds exactly the pages `record` lists: the same
 * folder, and each file there with the recorded size and modification time
 * (`stat` gives them, `undefined` for a missing file).
 */
export function outDirIntact(record: OutputRecord | null, outDir: string, stat: (file: string) => [number, number] | undefined): boolean {
  if (!record || record.outDir !== outDir) return false;
  for (const [file, expected] of Object.entries(record.files)) {
    const found = stat(file);
    if (!found || found[0] !== expected[0] || found[1] !== expected[1]) return false;
  }
  return true;
}

/** The files of the last build that this one did not write: a deleted incident's page, a page number that is gone. */
export function staleOutputs(previous: Iterable<string>, current: ReadonlySet<string>): string[] {
  return [...previous].filter((file) => !current.has(file));
}

function readRecord(file: string): OutputRecord | null {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as OutputRecord;
    return record && typeof record.outDir === 'string' && record.files && record.stamp ? record : null;
  } catch {
    return null;
  }
}

/** `[size, mtimeMs]` of a file, `undefined` when it is not a file. */
function sizeAndTime(file: string): [number, number] | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? [stat.size, stat.mtimeMs] : undefined;
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

/** The integration: guards the cache and the output folder around every `astro build`. */
export function buildCache(): AstroIntegration {
  let cacheDir = '';
  let outDir = '';
  let ours = '';
  let previous: OutputRecord | null = null;
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
        const place = contentCachePlace(cacheDir, root);
        if (process.argv.includes('--force')) rmSync(place.dir, { recursive: true, force: true });
        publishContentCache(place);
      },
      // After the content is read (a mistake in it stops the build before this, having written nothing),
      // before any page is written.
      'astro:build:start': ({ logger }) => {
        previous = readRecord(path.join(ours, RECORD_FILE));
        const verdict = cacheVerdict({ pending: existsSync(path.join(ours, PENDING_FILE)), record: previous, force: process.argv.includes('--force') }, stamp);
        if (verdict.clear) {
          logger.info(`Building clean: ${verdict.why}.`);
          for (const name of ASTRO_CACHE) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
          previous = null;
        }
        if (!outDirIntact(previous, outDir, (file) => sizeAndTime(path.join(outDir, file)))) {
          if (previous) logger.info('The output folder is not what the last build wrote: emptying it (pages come back from the cache).');
          emptyFolder(outDir);
          previous = null;
        } else {
          // Styles, scripts and public/ files are written afresh; anything else found there (a file someone added) goes.
          const pages = new Set(Object.keys(previous!.files));
          const others = filesUnder(outDir).filter((file) => !pages.has(file));
          for (const file of others) rmSync(path.join(outDir, file), { force: true });
          removeEmptyFolders(outDir, others);
        }
        mkdirSync(ours, { recursive: true });
        rmSync(path.join(ours, RECORD_FILE), { force: true });
        writeFileSync(path.join(ours, PENDING_FILE), `${new Date().toISOString()} pid ${process.pid}\n`);
      },
      'astro:build:done': ({ assets, dir }) => {
        const root = fileURLToPath(dir);
        const written = new Set<string>();
        for (const urls of assets.values()) {
          for (const url of urls) written.add(path.relative(root, fileURLToPath(url)).split(path.sep).join('/'));
        }
        const stale = staleOutputs(Object.keys(previous?.files ?? {}), written);
        for (const file of stale) rmSync(path.join(outDir, file), { force: true });
        removeEmptyFolders(outDir, stale);
        const files: OutputRecord['files'] = {};
        for (const file of [...written].sort()) {
          const found = sizeAndTime(path.join(outDir, file));
          if (found) files[file] = found;
        }
        writeFileSync(path.join(ours, RECORD_FILE), JSON.stringify({ stamp, outDir, files } satisfies OutputRecord));
        rmSync(path.join(ours, PENDING_FILE), { force: true });
      },
    },
  };
}
