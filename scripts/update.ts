/**
 * npm run update -- <id> <status> "<message>" [--at "YYYY-MM-DD HH:mm"]
 *
 * Adds a timeline entry at the current time in the site's zone to the
 * incident's file, keeping everything else in it as it was.
 */
import { parseArgs } from 'node:util';
import { STATUS_WORDS } from '../src/contract/timeline.ts';
import { CLOSING_STATUSES } from '../src/core/types.ts';
import { addUpdate } from '../src/editor/incident-file.ts';
import { findIncident, nowOr, readFolder, run, UsageError, writeChecked } from '../src/editor/editor-cli.ts';
import { suggest } from '../src/contract/problems.ts';

const USAGE = 'usage: npm run update -- <id> <status> "<message>"   (status: investigating, identified, monitoring, update; scheduled, in progress, verifying)';

await run(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { at: { type: 'string' } } });
  const [id, word, ...rest] = positionals;
  const message = rest.join(' ').trim();
  if (!id || !word || !message) throw new UsageError(USAGE);
  const status = STATUS_WORDS[word.toLowerCase().replace('-', ' ')];
  if (!status) throw new UsageError(`unknown status '${word}'; ${suggest(word, Object.keys(STATUS_WORDS))}`);
  if (CLOSING_STATUSES.includes(status)) throw new UsageError(`to close an incident use: npm run resolve -- ${id} "<message>"`);
  const folder = await readFolder();
  const file = findIncident(folder, id);
  const zone = folder.content.site.timeZone;
  await writeChecked(folder, file.path, addUpdate(file.text, { status, at: nowOr(values.at, zone), message, timeZone: zone }));
  console.log(`updated ${file.path}`);
});
