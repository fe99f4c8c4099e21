/**
 * The content folder, read once however many collections ask for it: once
 * per build, and in the dev server once per change of a file in the folder,
 * however many loaders listen for that change.
 */
import path from 'node:path';
import { loadContent } from '../contract/load-content.ts';
import type { Instant } from '../core/time.ts';
import type { Content } from '../core/types.ts';
import { buildNow, contentDir } from './build-context.ts';
import { openPublishedContentCache } from './content-cache.ts';

/** What the loaders are given to watch files with (the dev server's; a build has none). */
export interface FolderWatcher {
  add(paths: string): unknown;
  on(event: 'all', listener: (event: string, file: string) => void): unknown;
}

/** One read of the folder shared by every loader. */
export interface SharedContent<T> {
  /** The current read: started by the first caller, then the same promise until a file changes. */
  get(): Promise<T>;
  /**
   * Runs `reload` whenever a file in the folder changes (with a watcher;
   * without one, nothing). Every loader registers its own listener, as the
   * content layer tracks and drops each loader's listeners itself.
   */
  onChange(watcher: FolderWatcher | undefined, reload: () => Promise<void>): void;
}

/**
 * `load` shared by every loader. A change drops the current read once: the
 * watcher hands one change to every listener in turn before any promise
 * settles, so the first listener drops the read and starts the next one (its
 * reload asks `get` at once), and the others of the same change reuse it.
 */
export function sharedContent<T>(dir: string, load: () => Promise<T>): SharedContent<T> {
  const root = path.resolve(dir);
  let pending: Promise<T> | undefined;
  // Set by the first listener of a change, cleared once every listener of that change has run.
  let dropped = false;
  return {
    get() {
      pending ??= load();
      return pending;
    },
    onChange(watcher, reload) {
      watcher?.add(root);
      watcher?.on('all', async (_event, file) => {
        if (!path.resolve(file).startsWith(root + path.sep)) return;
        if (!dropped) {
          dropped = true;
          pending = undefined;
          queueMicrotask(() => {
            dropped = false;
          });
        }
        await reload();
      });
    },
  };
}

/** Where a process keeps the read each content folder's loader published, across module copies. */
const PUBLISHED = Symbol.for('status-ledger.published-content');

/** The process's published reads, by the content folder's absolute path. */
function published(): Map<string, SharedContent<unknown>> {
  const holder = globalThis as { [PUBLISHED]?: Map<string, SharedContent<unknown>> };
  holder[PUBLISHED] ??= new Map();
  return holder[PUBLISHED];
}

/**
 * Makes `shared` the process's read of the folder `dir`, replacing any
 * earlier one, and returns it. The content loader publishes its read when a
 * build or the dev server loads it; the pages, which Astro bundles into
 * another copy of these modules run in the same process, take it with
 * publishedContent. So the resolved content reaches the pages as the very
 * objects the loader made: through the content layer's data store every
 * incident's HTML was serialised into a JavaScript module and parsed back,
 * several copies of it alive at once (1.3 GB at 10,000 incidents).
 */
export function publishContent<T>(dir: string, shared: SharedContent<T>): SharedContent<T> {
  published().set(path.resolve(dir), shared);
  return shared;
}

/** The read of the folder `dir` published in this process (publishContent), if any. */
export function publishedContent<T>(dir: string): SharedContent<T> | undefined {
  return published().get(path.resolve(dir)) as SharedContent<T> | undefined;
}

/** The content folder as a build reads it: validated as of `now`, the now the whole build then works at. */
export interface ContentRead {
  content: Content;
  now: Instant;
}

/**
 * Starts a new shared read of the build's content folder (contentDir, as of
 * buildNow) and publishes it: the content loader's, once per build and once
 * per dev server, so no build ever takes an earlier build's read. A build
 * reuses the reads of files that did not change since the last one (the
 * content cache the build cache integration published) and keeps this
 * read's for the next.
 */
export function startContentRead(): SharedContent<ContentRead> {
  const read = async (): Promise<ContentRead> => {
    const now = buildNow();
    const cache = openPublishedContentCache();
    const content = await loadContent(contentDir(), now, cache);
    cache?.save();
    return { content, now };
  };
  return publishContent(contentDir(), sharedContent(contentDir(), read));
}

/** The content loader's published read of the build's content folder; a read of its own where none ran in this process. */
export function contentRead(): SharedContent<ContentRead> {
  return publishedContent<ContentRead>(contentDir()) ?? startContentRead();
}
