/**
 * The lifecycle of a site run with commands only (issue 19's "done when"):
 * init, then an outage opened, changed while it runs (cause, one service's
 * own level and window, a service added), resolved, its postmortem written
 * and completed; a notice; a maintenance announced, run and completed. No
 * file is edited by hand. Shared by the in-process test and the build test.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newCommand, postmortemCommand, resolveCommand, updateCommand } from '../../src/editor/commands.ts';
import type { CommandResult, Environment } from '../../src/editor/editor-cli.ts';
import { initCommand } from '../../src/editor/init.ts';

/** Seconds since 1970 of a time in Europe/Berlin in February (UTC+1). */
const berlin = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}:00+01:00`) / 1000;

export const LIFECYCLE = {
  outage: '2025-02-03-api-errors-in-frankfurt',
  maintenance: '2025-02-08-storage-upgrade',
  notice: '2025-02-06-new-status-page',
  /** When the last command runs: the folder is checked and built as of a later now. */
  done: berlin('2025-02-09 12:00'),
};

/** Runs the lifecycle in a new folder; returns the folder and what each command printed. */
export async function runLifecycle(): Promise<{ dir: string; log: string[] }> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'status-ledger-lifecycle-')), 'status');
  const log: string[] = [];
  const run = async (command: (argv: string[], env: Environment) => Promise<CommandResult>, now: string, ...argv: string[]) => {
    const result = await command(argv, { STATUS_CONTENT_DIR: dir, SOURCE_DATE_EPOCH: String(berlin(now)) });
    if (result.code !== 0) throw new Error(`${argv.join(' ')} at ${now}: ${result.stderr}`);
    log.push(result.stdout.trim());
  };
  const { outage, maintenance, notice } = LIFECYCLE;

  await run(initCommand, '2025-02-01 09:00', dir, '--title', 'Lifecycle Cloud Status', '--url', 'https://status.lifecycle.test', '--time-zone', 'Europe/Berlin');

  // The outage, as it unfolds.
  await run(newCommand, '2025-02-03 10:05', 'API errors in Frankfurt', '--services', 'api,dashboard', '--level', 'partial-outage', '--at', '2025-02-03 10:00');
  await run(updateCommand, '2025-02-03 10:20', outage, 'identified', 'A deploy broke request routing; we are rolling it back.', '--cause', 'platform');
  await run(updateCommand, '2025-02-03 10:25', outage, '--service', 'dashboard', '--level', 'degraded-performance', '--from', '2025-02-03 10:10');
  await run(updateCommand, '2025-02-03 10:30', outage, '--add', 'storage');
  await run(updateCommand, '2025-02-03 10:45', outage, '--service', 'storage', '--to', '2025-02-03 10:40');
  await run(updateCommand, '2025-02-03 11:00', outage, 'monitoring', 'The rollback is done; error rates are falling.');
  await run(resolveCommand, '2025-02-03 11:15', outage, 'Error rates are back to normal.');
  await run(postmortemCommand, '2025-02-04 15:00', outage, 'A deploy changed request routing in every zone at once.', '--action', 'Deploy routing changes one zone at a time', '--done', 'Roll back the deploy');
  await run(postmortemCommand, '2025-02-07 15:00', outage, '--done', 'Deploy routing changes one zone at a time');

  // A notice, posted and later closed.
  await run(newCommand, '2025-02-06 09:00', 'New status page', '--notice', '--message', 'This page replaces our old status page.');
  await run(resolveCommand, '2025-02-09 09:00', notice, 'The old page now redirects here.');

  // A maintenance, announced ahead, run and completed.
  await run(newCommand, '2025-02-05 12:00', 'Storage upgrade', '--maintenance', '--services', 'storage', '--from', '2025-02-08 01:00', '--to', '2025-02-08 03:00');
  await run(updateCommand, '2025-02-08 01:00', maintenance, 'in progress', 'The upgrade has started.');
  await run(resolveCommand, '2025-02-08 02:30', maintenance, 'The upgrade is complete.');
  return { dir, log };
}
