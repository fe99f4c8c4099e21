/**
 * npm run import -- statuspage <export.json> [--open-stale] [--cause <component or impact>=<cause>]…
 * npm run import -- cstate <folder with cState's content/issues> [--open-stale] [--cause …]…
 *
 * Turns another status page's incidents into incident files under
 * incidents/<year>/, says what it could not map or left out, then writes
 * those that pass every check. Exits 1 when it wrote none.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeUtf8 } from '../src/contract/load-content.ts';
import { CauseMappingError, readCauseMapping } from '../src/editor/import-causes.ts';
import { fromCstate, fromStatuspage, IMPORT_SPEC, ImportError, type ImportResult } from '../src/editor/importers.ts';
import { readFolder, run, UsageError, writeAllChecked } from '../src/editor/editor-cli.ts';
import { helpText, parseCommand, usageError } from '../src/editor/options.ts';


/** A source file's text; a missing, unreadable or non-UTF-8 file is a one-line UsageError. */
async function readSource(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code;
    throw new UsageError(`${file}: cannot be read (${why}); give the path of the export file`);
  }
  const decoded = decodeUtf8(bytes);
  if ('why' in decoded) throw new UsageError(`${file}:${decoded.line}: not UTF-8 (${decoded.why}); save it as UTF-8`);
  return decoded.text;
}

/** A Statuspage export: JSON, with the line of a syntax error. */
function readJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : 1;
    throw new UsageError(`${file}:${line}: not valid JSON (${message.replace(/\s*\(line \d+ column \d+\)/, '')}); export the incidents again, or fix the file`);
  }
}

/** The Markdown files of a cState issues folder, by path inside it. */
async function readCstate(folder: string): Promise<{ path: string; text: string }[]> {
  let names: string[];
  try {
    names = (await readdir(folder, { recursive: true })).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'it is a file' : code;
    throw new UsageError(`${folder}: cannot be read (${why}); give cState's content/issues folder`);
  }
  return Promise.all(names.map(async (name) => ({ path: name, text: await readSource(path.join(folder, name)) })));
}

await run(async () => {
  const args = parseCommand(IMPORT_SPEC, process.argv.slice(2));
  if (!args) return console.log(helpText(IMPORT_SPEC));
  const { values, positionals } = args;
  const [source, input] = positionals;
  if (!source || !input || positionals.length > 2) throw usageError(IMPORT_SPEC);
  let causes;
  try {
    causes = readCauseMapping(values.cause ?? []);
  } catch (error) {
    if (error instanceof CauseMappingError) throw new UsageError(error.message);
    throw error;
  }
  const folder = await readFolder();
  const context = { services: folder.catalogs.services, timeZone: folder.catalogs.site.timeZone, now: folder.now, openStale: values['open-stale'], causes };
  let result: ImportResult;
  try {
    if (source === 'statuspage') result = fromStatuspage(readJson(input, await readSource(input)), context);
    else if (source === 'cstate') result = fromCstate(await readCstate(input), context);
    else throw usageError(IMPORT_SPEC, `unknown source '${source}': statuspage or cstate`);
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`${input}: ${error.message}`);
    throw error;
  }
  // Said before anything is written: what will not come over, and why.
  if (result.notes.length > 0) console.log(`Could not map, left out, or assumed:\n${result.notes.map((note) => `- ${note}`).join('\n')}\n`);
  const files = result.files.map((file) => ({ path: path.join(folder.files.dir, 'incidents', file.path), text: file.text }));
  const { written, problems } = await writeAllChecked(folder, files);
  for (const file of written) console.log(`wrote ${file}`);
  if (problems.length > 0) console.log(`\nNot written, fix by hand:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  console.log(`\n${written.length} of ${result.total} incidents imported.`);
  if (written.length === 0) process.exit(1);
});
