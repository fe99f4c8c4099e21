/**
 * npm run resolve -- <id> ["<message>"] [--at "YYYY-MM-DD HH:mm"] [changes, as npm run update takes them]
 *
 * Sets `resolved` to the current time in the site's zone and adds the
 * Resolved update (Completed for maintenance), keeping the rest of the file.
 * The command itself is resolveCommand in src/editor/commands.ts; `--help`
 * lists every option.
 */
import { resolveCommand } from '../src/editor/commands.ts';
import { runCommand } from '../src/editor/editor-cli.ts';

await runCommand(resolveCommand);
