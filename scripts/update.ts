/**
 * npm run update -- <id> <status> "<message>" [--at "YYYY-MM-DD HH:mm"]
 *
 * Adds a timeline entry at the current time in the site's zone to the
 * incident's file, keeping everything else in it as it was. The command
 * itself is updateCommand in src/editor/commands.ts.
 */
import { updateCommand } from '../src/editor/commands.ts';
import { runCommand } from '../src/editor/editor-cli.ts';

await runCommand(updateCommand);
