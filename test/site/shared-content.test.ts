import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { publishContent, publishedContent, sharedContent, type FolderWatcher } from '../../src/site/shared-content.ts';

const DIR = path.resolve('/tmp/status-ledger-content');

/** A watcher like the dev server's: an event emitter that also takes paths to watch. */
function fakeWatcher(): FolderWatcher & EventEmitter {
  return Object.assign(new EventEmitter(), { add: () => undefined });
}

/** The folder with a counter of reads, and five loaders (the four collections and problems) that read it on every change. */
function fiveLoaders() {
  let reads = 0;
  const content = sharedContent(DIR, async () => ++reads);
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
