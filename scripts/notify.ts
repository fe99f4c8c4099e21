/**
 * `npm run notify -- --since <previous updates.json, a file or an address>`:
 * tells subscribers about the updates this build published. See
 * docs/notify.md.
 */
import { parseArgs } from 'node:util';
import { helpText } from '../src/editor/options.ts';
import { DEFAULT_RETRY } from '../src/notify/deliver.ts';
import { NOTIFY_SPEC, runNotify } from '../src/notify/run.ts';
import { secretsEnvironment } from '../src/notify/secrets.ts';
import { contentDir } from '../src/site/build-context.ts';

const USAGE = `usage: npm run notify -- --since <previous updates.json: a file or https://…/api/v1/updates.json>
                         [--first-run] [--dry-run] [--channel <id>]…`;

let args;
try {
  args = parseArgs({
    options: {
      since: { type: 'string' },
      'first-run': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      channel: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  console.error(`notify: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(helpText(NOTIFY_SPEC));
  process.exit(0);
}

let env;
try {
  env = secretsEnvironment(process.env);
} catch (error) {
  console.error(`notify: ${(error as Error).message}`);
  process.exit(2);
}

process.exitCode = await runNotify({
  contentDir: contentDir(),
  outDir: process.env.STATUS_OUT_DIR || 'dist',
  since: args.since,
  firstRun: args['first-run'],
  dryRun: args['dry-run'],
  channels: args.channel,
  env,
  retry: DEFAULT_RETRY,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
