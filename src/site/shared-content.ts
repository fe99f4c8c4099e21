/**
 * The content folder, read once however many collections ask for it: once
 * per build, and in the dev server once per change of a file in the folder,
 * however many loaders listen for that change.
 */
import path from 'node:path';

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
