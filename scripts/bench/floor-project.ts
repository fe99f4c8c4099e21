/**
 * The floor a build is compared with: a bare Astro site with one minimal page
 * per incident, from the same files, through Astro's own glob loader and
 * Markdown pipeline. Nothing of ours runs in it.
 *
 * With `languages` (a bilingual site's other languages), it builds the same
 * number of pages as that site: every incident once at the root and once
 * under each language's prefix (`/en/incidents/<id>/`), the translation
 * (`<id>.<lang>.md`) where there is one and the original where not.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What else the floor builds: the languages beside the first, each under its own prefix. */
export interface FloorOptions {
  languages?: string[];
}

/** Writes the floor project into `dir`, reading incidents from `contentDir`. */
export function writeFloorProject(dir: string, contentDir: string, nodeModules: string, options: FloorOptions = {}): void {
  const languages = options.languages ?? [];
  mkdirSync(path.join(dir, 'src', 'pages', 'incidents'), { recursive: true });
  symlinkSync(nodeModules, path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(path.join(dir, 'astro.config.mjs'), "export default { outDir: './dist' };\n");
  const base = JSON.stringify(path.join(contentDir, 'incidents'));
  // Ids as the file's path without `.md`: a translation's is its original's with `.<lang>` after it.
  const generateId = "generateId: ({ entry }) => entry.replace(/\\.md$/, '')";
  writeFileSync(
    path.join(dir, 'src', 'content.config.ts'),
    languages.length === 0
      ? `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  incidents: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${base} }) }),
};
`
      : `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  incidents: defineCollection({ loader: glob({ pattern: ['**/*.md', '!**/*.*.md'], base: ${base}, ${generateId} }) }),
  translations: defineCollection({ loader: glob({ pattern: '**/*.*.md', base: ${base}, ${generateId} }) }),
};
`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', 'incidents', '[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('incidents')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8"><title>{entry.data.title}</title></head><body><h1>{entry.data.title}</h1><Content /></body></html>
`,
  );
  for (const language of languages) {
    mkdirSync(path.join(dir, 'src', 'pages', language, 'incidents'), { recursive: true });
    writeFileSync(
      path.join(dir, 'src', 'pages', language, 'incidents', '[...id].astro'),
      `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const translations = new Map((await getCollection('translations')).map((entry) => [entry.id, entry]));
  return (await getCollection('incidents')).map((entry) => ({ params: { id: entry.id }, props: { entry: translations.get(\`\${entry.id}.${language}\`) ?? entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="${language}"><head><meta charset="utf-8"><title>{entry.data.title}</title></head><body><h1>{entry.data.title}</h1><Content /></body></html>
`,
    );
  }
}
