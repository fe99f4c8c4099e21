/**
 * npm run postmortem -- <id> ["<text>"] [--action "…"]… [--done "…"]…
 *
 * Starts an incident's postmortem, or adds to it: text, open follow-ups, and
 * done ones (ticking an open follow-up with the same words). The command
 * itself is postmortemCommand in src/editor/commands.ts; `--help` shows more.
 */
import { postmortemCommand } from '../src/editor/commands.ts';
import { runCommand } from '../src/editor/editor-cli.ts';

await runCommand(postmortemCommand);
