import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { publishContent, publishedContent, SETTLE_MS, sharedContent, type FolderWatcher } from '../../src/site/shared-content.ts';

const DIR = path.resolve('/tmp/status-ledger-content');

/** A watcher like the dev server's: an event emitter that also takes paths to watch. */
function fakeWatcher(): FolderWatcher & EventEmitter {
  return Object.assign(new EventEmitter(), { add: () => undefined });
}

/** The folder with a counter of reads, and five loaders (the four collections and problems) that read it on every change. */
function fiveLoaders(settleMs = 0) {
  let reads = 0;
  const content = sharedContent(DIR, async () => ++reads, settleMs);
  const watcher = fakeWatcher();
  const seen: number[] = [];
  for (let loader = 0; loader < 5; loader++) {
    content.onChange(watcher, async () => {
      seen.push(await content.get());
    });
  }
  return { content, watcher, seen, reads: () => reads };
}

/** Lets every reload started by a change finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('sharedContent', () => {
  it('reads the folder once however many loaders ask', async () => {
    const { content, reads } = fiveLoaders();
    await Promise.all([content.get(), content.get(), content.get()]);
    expect(reads()).toBe(1);
  });

  it('reads the folder once per change of a file in it, and every loader gets that read', async () => {
    const { content, watcher, seen, reads } = fiveLoaders();
    await content.get();
    watcher.emit('all', 'change', path.join(DIR, 'incidents/2025-01-18-power.md'));
    await settle();
    expect(reads()).toBe(2);
    expect(seen).toEqual([2, 2, 2, 2, 2]);
    watcher.emit('all', 'change', path.join(DIR, 'services.yaml'));
    await settle();
    expect(reads()).toBe(3);
    expect(seen.slice(5)).toEqual([3, 3, 3, 3, 3]);
  });

  it('reads once the folder is quiet: a burst of changes (a checkout, a pull) is one read', async () => {
    vi.useFakeTimers();
    try {
      const { content, watcher, seen, reads } = fiveLoaders(SETTLE_MS);
      await content.get();
      for (let change = 0; change < 4; change++) {
        watcher.emit('all', 'change', path.join(DIR, `incidents/2025-01-1${change}-power.md`));
        await vi.advanceTimersByTimeAsync(SETTLE_MS - 1);
      }
      // Every change so far came before the folder had been quiet for SETTLE_MS.
      expect(reads()).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(reads()).toBe(2);
      expect(seen).toEqual([2, 2, 2, 2, 2]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads a file saved in place whole, though the watcher passed on only its emptying', async () => {
    vi.useFakeTimers();
    try {
      // The file as a read finds it: an editor's in-place save empties it, then writes it.
      let text = 'title: Power failure';
      const content = sharedContent(DIR, async () => text);
      const watcher = fakeWatcher();
      const seen: string[] = [];
      content.onChange(watcher, async () => {
        seen.push(await content.get());
      });
      await content.get();
      text = '';
      watcher.emit('all', 'change', path.join(DIR, 'incidents/2025-01-18-power.md'));
      // The write 40 ms later: chokidar drops a second change to a file within 50 ms of the first.
      await vi.advanceTimersByTimeAsync(40);
      text = 'title: Power failure in zone H';
      await vi.advanceTimersByTimeAsync(SETTLE_MS);
      expect(seen).toEqual(['title: Power failure in zone H']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores changes outside the folder, a sibling whose name starts alike included', async () => {
    const { content, watcher, seen, reads } = fiveLoaders();
    await content.get();
    watcher.emit('all', 'change', path.resolve('src/pages/index.astro'));
    watcher.emit('all', 'change', `${DIR}-old/site.yaml`);
    await settle();
    expect(reads()).toBe(1);
    expect(seen).toEqual([]);
  });
});

describe('publishContent', () => {
  it('hands the loader’s read to another copy of the module in the same process, as Astro’s page bundle is', async () => {
    const read = publishContent(DIR, sharedContent(DIR, async () => ({ incidents: ['2025-01-18-power'] })));
    vi.resetModules();
    const bundled = await import('../../src/site/shared-content.ts');
    expect(bundled.publishedContent).not.toBe(publishedContent);
    expect(bundled.publishedContent(`${DIR}/incidents/..`)).toBe(read);
    expect(await bundled.publishedContent<{ incidents: string[] }>(DIR)!.get()).toBe(await read.get());
  });

  it('replaces an earlier read of the folder: a second build in the same process takes its own', async () => {
    const first = publishContent(DIR, sharedContent(DIR, async () => 1));
    const second = publishContent(DIR, sharedContent(DIR, async () => 2));
    expect(publishedContent(DIR)).toBe(second);
    expect(publishedContent(DIR)).not.toBe(first);
    expect(await publishedContent<number>(DIR)!.get()).toBe(2);
  });

  it('keeps the reads of other folders apart', () => {
    const other = publishContent(`${DIR}-other`, sharedContent(`${DIR}-other`, async () => 3));
    publishContent(DIR, sharedContent(DIR, async () => 4));
    expect(publishedContent(`${DIR}-other`)).toBe(other);
    expect(publishedContent(`${DIR}-none`)).toBeUndefined();
  });
});
