/**
 * npm run correct -- <id> "<why>" --set <field>=<value> [--set …] [--remove affected.<service>] [--at "YYYY-MM-DD HH:mm"]
 * npm run correct -- <id> "<why>" --withdraw
 *
 * Changes a resolved incident's figures and adds the Correction update that
 * says what changed (old → new) and why, in one step. The command itself is
 * correctCommand in src/editor/correct.ts.
 */
import { correctCommand } from '../src/editor/correct.ts';
import { runCommand } from '../src/editor/editor-cli.ts';

await runCommand(correctCommand);
