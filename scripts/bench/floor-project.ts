/**
 * The floor a build is compared with: a bare Astro site with one minimal page
 * per incident, from the same files, through Astro's own glob loader and
 * Markdown pipeline. Nothing of ours runs in it.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes the floor project into `dir`, reading incidents from `contentDir`. */
export function writeFloorProject(dir: string, contentDir: string, nodeModules: string): void {
  mkdirSync(path.join(dir, 'src', 'pages', 'incidents'), { recursive: true });
  symlinkSync(nodeModules, path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(path.join(dir, 'astro.config.mjs'), "export default { outDir: './dist' };\n");
  writeFileSync(
    path.join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  incidents: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(path.join(contentDir, 'incidents'))} }) }),
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
}
