/**
 * npm run new -- "<title>" --services a,b [--level …] [--cause …] [--message "…"] [--slug …] [--at "YYYY-MM-DD HH:mm"]
 * npm run new -- "<title>" --maintenance --services a,b --from "YYYY-MM-DD HH:mm" --to "YYYY-MM-DD HH:mm"
 * npm run new -- "<title>" --notice --message "…" [--services a,b]
 *
 * Writes incidents/<year>/<date>-<slug>.md with its first update (Investigating,
 * Scheduled for a maintenance, Update for a notice) at the current time in the
 * site's zone. The command itself is newCommand in src/editor/commands.ts;
 * `--help` lists every option.
 */
import { newCommand } from '../src/editor/commands.ts';
import { runCommand } from '../src/editor/editor-cli.ts';

await runCommand(newCommand);
