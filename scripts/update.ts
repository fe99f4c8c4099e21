/**
 * npm run update -- <id> <status> "<message>" [--at "YYYY-MM-DD HH:mm"] [changes]
 * npm run update -- <id> changes
 *   changes: --cause …, --level …, --started …, --service <id> [--level …] [--from …] [--to …], --add a,b, --remove a,b
 *
 * Adds a timeline entry at the current time in the site's zone to the
 * incident's file, and changes what it says about its impact while it is
 * open, keeping everything else in it as it was. The command itself is
 * updateCommand in src/editor/commands.ts; `--help` lists every option.
 */
import { updateCommand } from '../src/editor/commands.ts';
import { runCommand } from '../src/editor/editor-cli.ts';

await runCommand(updateCommand);
