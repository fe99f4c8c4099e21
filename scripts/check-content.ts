/**
 * `npm run check [-- --since <git revision>]`: validates the content folder
 * (`STATUS_CONTENT_DIR`, default `content`) without building the site, as of
 * now (`SOURCE_DATE_EPOCH` or the clock, as the build reads it). With
 * `--since`, it also refuses a change to a published, resolved incident's
 * figures that no Correction update announces. Prints every problem as
 * `path:line: what; fix` and exits 1 on any. The command itself is
 * checkCommand in src/editor/commands.ts; the type check is `npm run typecheck`.
 */
import { checkCommand } from '../src/editor/commands.ts';

const result = await checkCommand(process.env, process.argv.slice(2));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
