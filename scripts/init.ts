/**
 * npm run init -- <folder> [--title "…"] [--url https://…] [--time-zone Area/City]
 *
 * Writes a new content folder that passes the check and builds: site.yaml,
 * services.yaml, sla.yaml and one example incident. The command itself is
 * initCommand in src/editor/init.ts; `--help` lists every option.
 */
import { runCommand } from '../src/editor/editor-cli.ts';
import { initCommand } from '../src/editor/init.ts';

await runCommand(initCommand);
