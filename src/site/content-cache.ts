/**
 * The content cache: each incident file's read (the resolved incident, its
 * Markdown rendered), kept between builds under the build cache folder
 * (`<STATUS_CACHE_DIR>/status-ledger/content/`), so a build parses only the
 * files that changed. Reading and parsing 10,000 incident files was the
 * largest part of a rebuild that renders one page.
 *
 * A read is reused only for the same path and the same text (its sha1),
 * read against the same catalogs (zone, first language, services), at a now
 * that holds every time the file holds against now (IncidentMemo), by the
 * same code: the cache's version is a digest of everything under src/, the
 * lockfile, and Node's version and its ICU and time zone data. Anything
 * else is read afresh. An empty folder is an empty cache.
 *
 * Reads are kept in SHARDS files by a digest of their path, one line each
 * (`path`, text digest, catalogs digest, earliest now, the incident's JSON),
 * so a rebuild rewrites the one shard that changed, and no string ever
 * holds the whole history (at 100,000 incidents that is more than V8's
 * longest string).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncidentMemo } from '../contract/load-content.ts';
import type { Instant } from '../core/time.ts';
import type { Incident } from '../core/types.ts';
import { codeDigest } from './build-stamp.ts';

/** The content cache's folder under the build cache folder. */
export const CONTENT_CACHE_SUBDIR = path.join('status-ledger', 'content');
/** How many files the reads are spread over. */
export const SHARDS = 64;
/** Bump when the cache's layout changes. */
const LAYOUT = 1;

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** The shard a path's read is kept in. */
export function shardOf(file: string): number {
  return createHash('sha1').update(file).digest()[0]! % SHARDS;
}

/**
 * The version of the code that reads content: the project's code digest
 * `code` (build-stamp.ts `codeDigest`: src/, the config, the lockfile), and
 * Node's version with its ICU and time zone data. A cache of another
 * version is not used.
 */
export function readerVersion(code: string, versions: { node: string; icu?: string; tz?: string } = process.versions): string {
  return sha1(JSON.stringify([LAYOUT, versions.node, versions.icu ?? '', versions.tz ?? '', code]));
}

/** Writes `file` beside and renames it into place: a reader sees the old file or the new one, never a part (two writers: the last one's). */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** One remembered read: the line as kept, and its fields. */
interface Entry {
  text: string;
  catalogs: string;
  /** The earliest now the read holds at (IncidentMemo). */
  from: Instant;
  /** The incident's JSON, parsed when recalled. */
  json: string;
}

/** A line of a shard: `path \t text digest \t catalogs digest \t earliest now \t JSON`. */
function parseLine(line: string): [string, Entry] | undefined {
  const parts = line.split('\t');
  if (parts.length !== 5) return undefined;
  const [file, text, catalogs, from, json] = parts as [string, string, string, string, string];
  return [file, { text, catalogs, from: Number(from), json }];
}

function formatLine(file: string, entry: Entry): string {
  return `${file}\t${entry.text}\t${entry.catalogs}\t${entry.from}\t${entry.json}`;
}

/**
 * Whether a remembered read may stand for reading `text` against `catalogs`
 * at `now`: the same text and catalogs, and `now` no earlier than the
 * earliest now the read holds at.
 */
export function reusable(entry: Pick<Entry, 'text' | 'catalogs' | 'from'>, text: string, catalogs: string, now: Instant): boolean {
  return entry.text === text && entry.catalogs === catalogs && now >= entry.from;
}

/** The reads kept in a folder, as an IncidentMemo for one read of the content, and what it learnt for the next. */
export class ContentCache implements IncidentMemo {
  readonly #dir: string;
  readonly #version: string;
  #entries = new Map<string, Entry>();
  /** Paths recalled or remembered in this read: the others are gone from the folder. */
  #seen = new Set<string>();
  #changed = new Set<number>();
  #catalogs = new Map<string, string>();
  /** Reads recalled and reads parsed, for the log. */
  hits = 0;
  misses = 0;

  private constructor(dir: string, version: string) {
    this.#dir = dir;
    this.#version = version;
  }

  /**
   * The cache in `dir` for code of `version` (readerVersion): empty when the
   * folder is, or holds another version's reads. A shard that cannot be read
   * (cut short by a killed build) is empty.
   */
  static open(dir: string, version: string): ContentCache {
    const cache = new ContentCache(dir, version);
    let kept: string | undefined;
    try {
      kept = readFileSync(path.join(dir, 'version'), 'utf8');
    } catch {
      kept = undefined;
    }
    if (kept !== version) return cache;
    for (let shard = 0; shard < SHARDS; shard++) {
      let text: string;
      try {
        text = readFileSync(path.join(dir, `${shard}.tsv`), 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n')) {
        const parsed = line && parseLine(line);
        if (parsed) cache.#entries.set(parsed[0], parsed[1]);
      }
    }
    return cache;
  }

  #catalogsDigest(catalogs: string): string {
    let digest = this.#catalogs.get(catalogs);
    if (digest === undefined) this.#catalogs.set(catalogs, (digest = sha1(catalogs)));
    return digest;
  }

  recall(file: { path: string; text: string }, catalogs: string, now: Instant): Incident | undefined {
    const entry = this.#entries.get(file.path);
    this.#seen.add(file.path);
    if (entry && reusable(entry, sha1(file.text), this.#catalogsDigest(catalogs), now)) {
      try {
        const incident = JSON.parse(entry.json) as Incident;
        this.hits++;
        return incident;
      } catch {
        // A line that is not whole: read the file again.
      }
    }
    this.misses++;
    return undefined;
  }

  remember(file: { path: string; text: string }, catalogs: string, incident: Incident, from: Instant): void {
    this.#seen.add(file.path);
    this.#entries.set(file.path, { text: sha1(file.text), catalogs: this.#catalogsDigest(catalogs), from, json: JSON.stringify(incident) });
    this.#changed.add(shardOf(file.path));
  }

  /**
   * Writes what changed: every shard with a new read or a read of a file
   * that is gone. Each file is written beside and renamed into place, and
   * the version last, so a killed build leaves whole shards or none.
   */
  save(): void {
    for (const file of this.#entries.keys()) {
      if (!this.#seen.has(file)) {
        this.#entries.delete(file);
        this.#changed.add(shardOf(file));
      }
    }
    if (this.#changed.size === 0) return;
    mkdirSync(this.#dir, { recursive: true });
    const versionFile = path.join(this.#dir, 'version');
    let kept: string | undefined;
    try {
      kept = readFileSync(versionFile, 'utf8');
    } catch {
      kept = undefined;
    }
    // Another version's shards are not this one's: start over.
    const shards = kept === this.#version ? this.#changed : new Set(Array.from({ length: SHARDS }, (_, shard) => shard));
    if (kept !== this.#version) rmSync(versionFile, { force: true });
    const lines = new Map<number, string[]>([...shards].map((shard) => [shard, []]));
    for (const [file, entry] of this.#entries) lines.get(shardOf(file))?.push(formatLine(file, entry));
    for (const [shard, list] of lines) {
      const target = path.join(this.#dir, `${shard}.tsv`);
      writeAtomically(target, list.length > 0 ? `${list.join('\n')}\n` : '');
    }
    writeAtomically(versionFile, this.#version);
  }
}

/** Where a process keeps the content cache's place for the content loader (the build cache integration sets it). */
const PLACE = Symbol.for('status-ledger.content-cache');

/** The content cache of a build: its folder and the version of the code (readerVersion). */
export interface ContentCachePlace {
  dir: string;
  version: string;
}

/** The project this module is part of: the code `npm run check` reads with. */
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The place of the content cache under the build cache folder `cacheDir`, for code of digest `code` (this project's, worked out when not given). */
export function contentCachePlace(cacheDir: string, code = codeDigest(PROJECT_ROOT)): ContentCachePlace {
  return { dir: path.join(path.resolve(cacheDir), CONTENT_CACHE_SUBDIR), version: readerVersion(code) };
}

/** The content cache under the build cache folder `cacheDir` (build-context.ts `cacheDir`), opened: what `npm run check` reads through. */
export function openContentCache(cacheDir: string): ContentCache {
  const place = contentCachePlace(cacheDir);
  return ContentCache.open(place.dir, place.version);
}

/** Makes `place` the content cache of this process's build (`undefined`: none, as in the dev server). */
export function publishContentCache(place: ContentCachePlace | undefined): void {
  (globalThis as { [PLACE]?: ContentCachePlace })[PLACE] = place;
}

/** The content cache the build cache integration published, opened; `undefined` when it published none. */
export function openPublishedContentCache(): ContentCache | undefined {
  const place = (globalThis as { [PLACE]?: ContentCachePlace })[PLACE];
  return place && ContentCache.open(place.dir, place.version);
}
