/**
 * npm run resolve -- <id> ["<message>"] [--at "YYYY-MM-DD HH:mm"]
 *
 * Sets `resolved` to the current time in the site's zone and adds the
 * Resolved update (Completed for maintenance), keeping the rest of the file.
 */
import { parseArgs } from 'node:util';
import { addUpdate, setResolved } from '../src/editor/incident-file.ts';
import { findIncident, nowOr, readFolder, run, UsageError, writeChecked } from '../src/editor/editor-cli.ts';

await run(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { at: { type: 'string' } } });
  const [id, ...rest] = positionals;
  if (!id) throw new UsageError('usage: npm run resolve -- <id> ["<message>"]');
  const folder = await readFolder();
  const file = findIncident(folder, id);
  const zone = folder.content.site.timeZone;
  const incident = folder.content.incidents.find((candidate) => candidate.id === id);
  if (!incident) throw new UsageError(`${file.path} has problems; run npm run check and fix them first`);
  const maintenance = incident.kind === 'maintenance';
  const message = rest.join(' ').trim() || (maintenance ? 'The maintenance is complete.' : 'This incident has been resolved.');
  const at = nowOr(values.at, zone);
  const text = addUpdate(setResolved(file.text, at, zone), { status: maintenance ? 'completed' : 'resolved', at, message, timeZone: zone });
  await writeChecked(folder, file.path, text);
  console.log(`resolved ${file.path}`);
});
