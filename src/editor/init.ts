/**
 * `npm run init -- <folder>`: a new content folder that passes the check and
 * builds, for a site's first minutes: site.yaml, a small services.yaml, an
 * SLA policy in the usual shape (nothing owed at or above 99.95%, the fee of
 * the downtime refunded below it, that refund plus a 10% credit below 99%)
 * with a claim, and one resolved example incident that shows every part of
 * an incident file. Every file says in comments what its fields are.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath, resolveContent } from '../contract/load-content.ts';
import { formatProblem, sortProblems } from '../contract/problems.ts';
import { siteUrl } from '../contract/read-site.ts';
import { DAY_MS, isTimeZone, MINUTE_MS, parseTime, type Instant } from '../core/time.ts';
import { nowFromEnvironment } from '../site/build-context.ts';
import { commandResult, UsageError, type CommandResult, type Environment } from './editor-cli.ts';
import { createFile } from './file-lock.ts';
import { editorTime, yamlScalar } from './incident-file.ts';
import { helpText, parseCommand, usageError, type CommandSpec } from './options.ts';

/** `npm run init`, as its help shows it and its arguments are read. */
export const INIT_SPEC = {
  name: 'init',
  summary: 'start a new content folder: site, services, an SLA policy with a claim, and one example incident',
  usage: ['<folder> [--title "…"] [--url https://…] [--time-zone Area/City]'],
  options: {
    title: { type: 'string', value: '"…"', help: "the site's title (default: Example Cloud Status)" },
    url: { type: 'string', value: 'https://…', help: 'where the site will be published (default: https://status.example.com)' },
    'time-zone': { type: 'string', value: 'Area/City', help: "how times are shown and read: an IANA zone such as Europe/Berlin (default: this computer's zone)" },
  },
  examples: [
    'npm run init -- ../my-status --title "Acme Cloud Status" --url https://status.acme.example --time-zone Europe/Berlin',
    'STATUS_CONTENT_DIR=../my-status npm run check     # then: npm run dev, npm run build',
  ],
  notes: [
    'Writes into a new or empty folder only, and nothing when the result would not pass the check. The example incident is dated three days ago: delete it before you publish.',
  ],
} as const satisfies CommandSpec;

const DEFAULT_TITLE = 'Example Cloud Status';
const DEFAULT_URL = 'https://status.example.com';

/** The computer's time zone when it is an IANA zone, else UTC. */
function localTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : 'UTC';
}

function siteYaml(title: string, url: string, timeZone: string): string {
  return `# The site. Every field is explained in Status Ledger's docs/content.md.
title: ${yamlScalar(title, 'the title')}
description: Live status, incident history and SLA credits
# Where the site is published: absolute links in feeds and the API.
url: ${yamlScalar(url, 'the url')}
# How times are shown; times written without an offset are read here.
timeZone: ${yamlScalar(timeZone, 'the time zone')}
feedItems: 50                  # updates per RSS and Atom feed
support:                       # shown on incidents with a partial or major outage
  - label: Open a support ticket
    href: https://support.example.com/tickets/new
  - label: Email the incident desk
    href: mailto:incidents@example.com
`;
}

const SERVICES_YAML = `# The service catalog: one entry per service customers can see. An id is
# lowercase letters, digits and dashes, and is part of URLs: keep it once published.
# A service without 'sla' uses the first policy in sla.yaml; 'sla: none' has none.

- id: api
  name: Public API
  group: Core                  # services are shown by group
  description: The REST API and its SDKs

- id: dashboard
  name: Dashboard
  group: Core
  description: The web console

- id: storage
  name: Object Storage
  group: Storage
  description: Buckets and objects in every region

- id: docs
  name: Documentation
  group: Web
  description: The documentation site (free, no SLA)
  sla: none
`;

const SLA_YAML = `# SLA policies: how availability is counted and what is owed each month.
# A service without 'sla' in services.yaml gets the first policy.

- id: standard
  name: Standard monthly SLA
  objective: 99.95             # percent, shown on pages
  # timeZone: Europe/Berlin    # where calendar months are cut (default: site.yaml's timeZone)
  weights:                     # the share of each minute that counts as unavailable, per level
    major-outage: 1
    partial-outage: 0.3
    degraded-performance: 0
  excludedCauses: [customer, third-party, maintenance, force-majeure]   # not counted against the SLA
  capPercent: 100              # the credit never exceeds this share of the monthly fee
  tiers:                       # a month falls into the tier with the smallest 'below' above its availability;
                               # at or above 99.95% nothing is owed
    - id: prorated
      name: Pro-rated refund
      below: 99.95
      prorated: true           # refund the fee of the unavailable time: 100 × downtime / month minutes
      creditPercent: 0         # plus this share of the monthly fee
    - id: prorated-plus
      name: Pro-rated refund plus 10% service credit
      below: 99
      prorated: true
      creditPercent: 10
  claim:                       # how a customer gets the credit; pages show it wherever a credit shows
    how: ticket                # ticket | automatic
    url: https://support.example.com/tickets/new?topic=sla-credit&service={service}&month={month}&incidents={incidents}
    within: 2 months           # after the end of the month; or e.g. 30 days
`;

/** The example incident, three days before `now`, night-time in the site's zone. */
function exampleIncident(now: Instant, timeZone: string): { id: string; text: string } {
  const date = editorTime(now - 3 * DAY_MS, timeZone).slice(0, 10);
  const started = parseTime(`${date} 02:11`, timeZone)!;
  const at = (minutes: number) => editorTime(started + minutes * MINUTE_MS, timeZone);
  const day = editorTime(started, timeZone).slice(0, 10);
  return {
    id: `${day}-example-api-errors`,
    text: `---
title: ${yamlScalar('Example: elevated API error rates', 'the title')}
cause: platform               # platform | customer | third-party | maintenance | force-majeure; leave out while unknown
started: ${at(0)}       # in site.yaml's timeZone; or with an offset, 2025-01-18 02:11 +01:00
resolved: ${at(89)}      # leave out while it goes on
level: partial-outage         # degraded-performance | partial-outage | major-outage: every service's, unless it has its own
affected:
  - api                       # the incident's level, started and resolved
  - service: dashboard        # or its own level, from and to
    level: degraded-performance
    from: ${at(19)}
    to: ${at(54)}
---
An example written by npm run init, to show what a resolved incident looks like on the site. Delete this file before you publish.

## Resolved — ${at(94)}
Error rates are back to normal in every region.

## Identified — ${at(29)}
A configuration change overloaded one pool of API gateways. We are rolling it back.

## Investigating — ${at(9)}
We are investigating elevated error rates on the public API.

## Postmortem
A configuration change reached every API gateway at once and overloaded one pool. We now roll out such changes one pool at a time.

- [x] Roll back the configuration change
- [ ] Roll out gateway configuration one pool at a time
`,
  };
}

/** Whether `folder` is missing or an empty folder; refuses a file or a folder with anything in it. */
async function checkTarget(folder: string): Promise<void> {
  const shown = displayPath(folder);
  const found = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!found) return;
  if (!found.isDirectory()) throw new UsageError(`${shown} is a file; give a new or empty folder; nothing was written`);
  const entries = await readdir(folder);
  if (entries.length > 0) {
    throw new UsageError(`${shown} is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}); give a new or empty folder: init never writes over files; nothing was written`);
  }
}

/**
 * `npm run init -- <folder>`: writes the folder's files, each created in one
 * step and never over another, after checking them together as the build
 * would (as of now: `SOURCE_DATE_EPOCH` or the clock).
 */
export function initCommand(argv: string[], env: Environment): Promise<CommandResult> {
  return commandResult(async () => {
    const args = parseCommand(INIT_SPEC, argv);
    if (!args) return helpText(INIT_SPEC);
    const { values, positionals } = args;
    if (positionals.length !== 1) throw usageError(INIT_SPEC, positionals.length === 0 ? 'say which folder to write' : 'give one folder');
    const folder = path.resolve(positionals[0]!);
    const title = values.title ?? DEFAULT_TITLE;
    const url = values.url ?? DEFAULT_URL;
    const timeZone = values['time-zone'] ?? localTimeZone();
    if (!isTimeZone(timeZone)) throw new UsageError(`--time-zone: unknown time zone '${timeZone}'; use an IANA zone such as Asia/Shanghai, Europe/Berlin or UTC`);
    const address = siteUrl(url);
    if ('fault' in address) throw new UsageError(`--url ${address.fault}: '${url}'; ${address.fix}`);
    const now = nowFromEnvironment(env);
    const example = exampleIncident(now, timeZone);
    const files = [
      { name: 'site.yaml', text: siteYaml(title, url, timeZone) },
      { name: 'services.yaml', text: SERVICES_YAML },
      { name: 'sla.yaml', text: SLA_YAML },
      { name: path.join('incidents', example.id.slice(0, 4), `${example.id}.md`), text: example.text },
    ];
    await checkTarget(folder);
    const shown = displayPath(folder);
    const byName = (name: string) => files.find((file) => file.name === name)?.text;
    const { problems } = resolveContent(
      {
        dir: shown,
        site: byName('site.yaml'),
        services: byName('services.yaml'),
        sla: byName('sla.yaml'),
        incidents: [{ path: `${shown}/${files[3]!.name}`, text: example.text }],
        others: [],
      },
      now,
    );
    if (problems.length > 0) throw new UsageError(`${sortProblems(problems).map(formatProblem).join('\n')}\nnothing was written`);
    for (const file of files) {
      if (!(await createFile(path.join(folder, file.name), file.text))) {
        throw new UsageError(`${displayPath(path.join(folder, file.name))} appeared while init ran; another command is writing ${shown}`);
      }
    }
    return [
      `wrote ${shown}: ${files.map((file) => file.name.split(path.sep).join('/')).join(', ')}`,
      `next: put your services in services.yaml and your site in site.yaml, delete the example incident, then`,
      `  STATUS_CONTENT_DIR=${shown} npm run check`,
      `  STATUS_CONTENT_DIR=${shown} npm run dev`,
      `  STATUS_CONTENT_DIR=${shown} npm run new -- --help`,
    ].join('\n');
  });
}
