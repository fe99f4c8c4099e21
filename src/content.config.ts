/**
 * The content contract as Astro content collections. One loader reads and
 * validates the whole content folder once (cross-file rules such as unknown
 * services need all of it) and fills the four collections; any mistake stops
 * the build with every `path:line: what; fix` line.
 *
 * The dev server must not stop, nor go on showing the last good pages, when
 * an editor saves a broken file: there the mistakes go into a fifth
 * collection, `problems`, and every page shows them instead (see
 * src/site/ledger.ts) until the folder is right again.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadContent } from './contract/load-content.ts';
import { ContentError, formatProblem } from './contract/problems.ts';
import type { Content, Incident, Policy, Service, Site } from './core/types.ts';
import { buildNow, contentDir } from './site/build-context.ts';
import { sharedContent } from './site/shared-content.ts';

/** An entry with its place in the file it came from. */
type Ordered<T> = T & { order: number };

/** The dev server's content problems: one `path:line: what; fix` line each. */
export interface ContentProblems {
  lines: string[];
}

/** The content folder, read once however many collections ask, and in the dev server once per change (the dev server alone has a watcher). */
const content = sharedContent(contentDir(), () => loadContent(contentDir(), buildNow()));

function contractLoader(name: string, entries: (content: Content) => { id: string; data: object }[]): Loader {
  return {
    name: `status-ledger-${name}`,
    async load({ store, watcher }: LoaderContext) {
      const fill = async () => {
        const resolved = await content.get();
        store.clear();
        // Collections come back sorted by id; `order` keeps the catalog's order.
        entries(resolved).forEach((entry, order) => store.set({ id: entry.id, data: { ...entry.data, order } }));
      };
      // The dev server rereads the whole folder when any file in it changes; the problems loader reports mistakes.
      content.onChange(watcher, () => fill().catch(() => undefined));
      // A build stops at a mistake. The dev server keeps running: its pages show the problems.
      if (watcher) await fill().catch(() => undefined);
      else await fill();
    },
  };
}

/** The dev server's `problems` collection: one entry with every line while the folder has mistakes, none once it is right. */
function problemsLoader(): Loader {
  return {
    name: 'status-ledger-problems',
    async load({ store, watcher, logger }: LoaderContext) {
      // A build has no watcher, and stops at the first sync with every line: nothing to keep.
      if (!watcher) return;
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
  site: defineCollection({
    loader: contractLoader('site', (content) => [{ id: 'site', data: content.site }]),
    schema: z.custom<Ordered<Site>>(),
  }),
  services: defineCollection({
    loader: contractLoader('services', (content) => content.services.map((service) => ({ id: service.id, data: service }))),
    schema: z.custom<Ordered<Service>>(),
  }),
  policies: defineCollection({
    loader: contractLoader('policies', (content) => content.policies.map((policy) => ({ id: policy.id, data: policy }))),
    schema: z.custom<Ordered<Policy>>(),
  }),
  incidents: defineCollection({
    loader: contractLoader('incidents', (content) => content.incidents.map((incident) => ({ id: incident.id, data: incident }))),
    schema: z.custom<Ordered<Incident>>(),
  }),
  problems: defineCollection({
    loader: problemsLoader(),
    schema: z.custom<ContentProblems>(),
  }),
};
