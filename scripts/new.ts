/**
 * npm run new -- "<title>" --services a,b [--level partial-outage] [--cause platform] [--message "…"] [--slug x] [--at "YYYY-MM-DD HH:mm"]
 * npm run new -- "<title>" --services a,b --maintenance --from "2026-12-05 01:00" --to "2026-12-05 03:00"
 *
 * Writes incidents/<year>/<date>-<slug>.md with an Investigating update (or,
 * for maintenance, a Scheduled one) at the current time in the site's zone.
 * The command itself is newCommand in src/editor/commands.ts.
 */
import { newCommand } from '../src/editor/commands.ts';
import { runCommand } from '../src/editor/editor-cli.ts';

await runCommand(newCommand);
