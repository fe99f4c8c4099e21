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
 * How long the folder must be quiet after a change before it is read again
 * (ms). An editor that saves in place empties the file and then writes it,
 * and the dev server's watcher (chokidar) passes on only the first of two
 * changes to a file within 50 ms: read at once, the folder showed "the file
 * is empty" until the next save. Any write the watcher swallowed is done
 * within those 50 ms, and a later one is a change of its own, so a read this
 * long after the last change sees the saved file.
 */
export const SETTLE_MS = 200;

/**
 * `load` shared by every loader. A change drops the current read once the
 * folder has been quiet for `settleMs` (each change in the meantime starts
 * the wait again, so a save, a checkout or a pull is one read); then every
 * loader's listener reloads, the first starts the next read, and the others
 * reuse it.
 */
export function sharedContent<T>(dir: string, load: () => Promise<T>, settleMs = SETTLE_MS): SharedContent<T> {
  const root = path.resolve(dir);
  let pending: Promise<T> | undefined;
  // The wait for quiet every listener of the current burst of changes awaits; undefined when there is none.
  let quiet: PromiseWithResolvers<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = (): Promise<void> => {
    const current = (quiet ??= Promise.withResolvers<void>());
    clearTimeout(timer);
    timer = setTimeout(() => {
      quiet = undefined;
      pending = undefined;
      current.resolve();
    }, settleMs);
    return current.promise;
  };
  return {
    get() {
      pending ??= load();
      return pending;
    },
    onChange(watcher, reload) {
      watcher?.add(root);
      // This listener's wait, so it reloads once per burst however many changes the burst has.
      let waiting: Promise<void> | undefined;
      watcher?.on('all', async (_event, file) => {
        if (!path.resolve(file).startsWith(root + path.sep)) return;
        const done = changed();
        if (waiting === done) return;
        waiting = done;
        await done;
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
