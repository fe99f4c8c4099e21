/**
 * The content contract in Astro's content layer. One loader reads and
 * validates the whole content folder once (cross-file rules such as unknown
 * services need all of it); any mistake stops the build at the content sync,
 * before anything is bundled, with every `path:line: what; fix` line.
 *
 * The resolved content does not go into the content layer's data store: a
 * build serialises the store into a JavaScript module and parses it back,
 * which kept several copies of every incident's HTML alive at once (1.3 GB
 * at 10,000 incidents; 50,000 did not fit in 4 GB). The loader publishes its
 * read instead, and the pages take those very objects (src/site/ledger.ts).
 *
 * The dev server must not stop, nor go on showing the last good pages, when
 * an editor saves a broken file: there the mistakes go into the one
 * collection, `problems`, and every page shows them instead (see
 * src/middleware.ts) until the folder is right again.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError, formatProblem } from './contract/problems.ts';
import { startContentRead } from './site/shared-content.ts';

/** The dev server's content problems: one `path:line: what; fix` line each. */
export interface ContentProblems {
  lines: string[];
}

/** The content folder, read once per build, and in the dev server once per change (the dev server alone has a watcher). */
const content = startContentRead();

/**
 * Reads the content folder. A build has no watcher, and stops at the first
 * mistake with every line; the dev server keeps one entry with every line
 * while the folder has mistakes, none once it is right, and reads again on
 * every change.
 */
function contentLoader(): Loader {
  return {
    name: 'status-ledger-content',
    async load({ store, watcher, logger }: LoaderContext) {
      if (!watcher) {
        await content.get();
        return;
      }
      const check = async () => {
        try {
          await content.get();
          store.clear();
        } catch (error) {
          const lines = error instanceof ContentError ? error.problems.map(formatProblem) : [(error as Error).message];
          store.clear();
          store.set({ id: 'problems', data: { lines } satisfies ContentProblems });
          logger.error(error instanceof ContentError ? error.message : (error as Error).message);
        }
      };
      content.onChange(watcher, check);
      await check();
    },
  };
}

export const collections = {
  problems: defineCollection({
    loader: contentLoader(),
    schema: z.custom<ContentProblems>(),
  }),
};
