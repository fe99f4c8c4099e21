/**
 * The content contract as Astro content collections. One loader reads and
 * validates the whole content folder once (cross-file rules such as unknown
 * services need all of it) and fills the four collections; any mistake stops
 * the build with every `path:line: what; fix` line.
 */
import { defineCollection, z } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadContent } from './contract/load-content.ts';
import type { Content, Incident, Policy, Service, Site } from './core/types.ts';
import { contentDir } from './site/build-context.ts';

let pending: Promise<Content> | undefined;

/** Loads the content folder once per sync, however many collections ask. */
function sharedContent(): Promise<Content> {
  pending ??= loadContent(contentDir());
  return pending;
}

function contractLoader(name: string, entries: (content: Content) => { id: string; data: object }[]): Loader {
  return {
    name: `status-ledger-${name}`,
    async load({ store, watcher }: LoaderContext) {
      const fill = async () => {
        const content = await sharedContent();
        store.clear();
        for (const entry of entries(content)) store.set({ id: entry.id, data: { ...entry.data } });
      };
      watcher?.add(contentDir());
      watcher?.on('all', async (_event, file) => {
        if (!file.startsWith(process.cwd()) || file.includes(contentDir())) {
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
    schema: z.custom<Site>(),
  }),
  services: defineCollection({
    loader: contractLoader('services', (content) => content.services.map((service) => ({ id: service.id, data: service }))),
    schema: z.custom<Service>(),
  }),
  policies: defineCollection({
    loader: contractLoader('policies', (content) => content.policies.map((policy) => ({ id: policy.id, data: policy }))),
    schema: z.custom<Policy>(),
  }),
  incidents: defineCollection({
    loader: contractLoader('incidents', (content) => content.incidents.map((incident) => ({ id: incident.id, data: incident }))),
    schema: z.custom<Incident>(),
  }),
};
