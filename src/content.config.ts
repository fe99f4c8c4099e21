/**
 * The content contract as Astro content collections. One loader reads and
 * validates the whole content folder once (cross-file rules such as unknown
 * services need all of it) and fills the four collections; any mistake stops
 * the build with every `path:line: what; fix` line.
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadContent } from './contract/load-content.ts';
import type { Content, Incident, Policy, Service, Site } from './core/types.ts';
import { buildNow, contentDir } from './site/build-context.ts';

/** An entry with its place in the file it came from. */
type Ordered<T> = T & { order: number };

let pending: Promise<Content> | undefined;

/** Loads the content folder once per sync, however many collections ask. */
function sharedContent(): Promise<Content> {
  pending ??= loadContent(contentDir(), buildNow());
  return pending;
}

function contractLoader(name: string, entries: (content: Content) => { id: string; data: object }[]): Loader {
  return {
    name: `status-ledger-${name}`,
    async load({ store, watcher }: LoaderContext) {
      const fill = async () => {
        const content = await sharedContent();
        store.clear();
        // Collections come back sorted by id; `order` keeps the catalog's order.
        entries(content).forEach((entry, order) => store.set({ id: entry.id, data: { ...entry.data, order } }));
      };
      // The dev server rereads the whole folder when any file in it changes.
      const root = path.resolve(contentDir());
      watcher?.add(root);
      watcher?.on('all', async (_event, file) => {
        if (path.resolve(file).startsWith(root + path.sep)) {
          pending = undefined;
          await fill().catch((error: Error) => console.error(error.message));
        }
      });
      await fill();
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
};
