/**
 * npm run import -- statuspage <export.json>
 * npm run import -- cstate <folder with cState's content/issues>
 *
 * Turns another status page's incidents into incident files under
 * incidents/<year>/, writes those that pass every check, and reports what it
 * could not map.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromCstate, fromStatuspage } from '../src/editor/importers.ts';
import { readFolder, run, UsageError, writeAllChecked } from '../src/editor/editor-cli.ts';

const USAGE = 'usage: npm run import -- statuspage <export.json>   or   npm run import -- cstate <content/issues folder>';

await run(async () => {
  const [source, input] = process.argv.slice(2);
  if (!source || !input) throw new UsageError(USAGE);
  const folder = await readFolder();
  const context = { services: folder.content.services, timeZone: folder.content.site.timeZone };
  let result;
  if (source === 'statuspage') {
    result = fromStatuspage(JSON.parse(await readFile(input, 'utf8')), context);
  } else if (source === 'cstate') {
    const names = (await readdir(input, { recursive: true })).filter((name) => name.endsWith('.md')).sort();
    result = fromCstate(await Promise.all(names.map(async (name) => ({ path: name, text: await readFile(path.join(input, name), 'utf8') }))), context);
  } else {
    throw new UsageError(USAGE);
  }
  const files = result.files.map((file) => ({ path: path.join(folder.files.dir, 'incidents', file.path), text: file.text }));
  const { written, problems } = await writeAllChecked(folder, files);
  for (const file of written) console.log(`wrote ${file}`);
  if (result.notes.length > 0) console.log(`\nCould not map, or assumed:\n${result.notes.map((note) => `- ${note}`).join('\n')}`);
  if (problems.length > 0) console.log(`\nNot written, fix by hand:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  console.log(`\n${written.length} of ${result.files.length} incidents imported.`);
});
