/**
 * A small site for the notification tests: content with an old incident
 * already announced and two new ones, notify.yaml with one channel of every
 * type, and updates.json written by the core function the build route uses.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { updatesJson } from '../../src/outputs/api-v1.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import { readContentFiles, resolveContent } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { DESIGN_EXAMPLE, writeContentFolder } from '../builders.ts';

/** 2025-02-10T00:00:00Z, as SOURCE_DATE_EPOCH. */
export const NOW = Date.parse('2025-02-10T00:00:00Z');

export const OLD_FILES = { 'incidents/2025-01-18-hangzhou-power.md': DESIGN_EXAMPLE };

export const HOSTILE_TITLE = 'Errors <b>&</b> "timeouts" on the <API>';

/** Two incidents that are new since OLD_FILES was published; their updates interleave in time. */
export const NEW_FILES = {
  'incidents/2025-02-09-api-errors.md': `---
title: '${HOSTILE_TITLE}'
started: 2025-02-09 10:00
resolved: 2025-02-09 11:00
level: major-outage
affected:
  - ecs
  - service: cdn
    level: partial-outage
---
## Resolved — 2025-02-09 11:00
Errors are back to normal. See [the SLA](/sla/).

## Identified — 2025-02-09 10:20
A **bad deploy**: <script>alert(1)</script> & <@everyone> *rolled back*; details at [our blog](https://blog.example.com/post?a=1&b=2).

## Investigating — 2025-02-09 10:00
We see errors on the API.
`,
  'incidents/2025-02-09-oss-slow.md': `---
title: Slow uploads to storage
started: 2025-02-09 10:05
resolved: 2025-02-09 10:40
level: degraded-performance
affected: [oss]
---
## Resolved — 2025-02-09 10:40
Uploads are fast again.

## Investigating — 2025-02-09 10:10
Uploads to storage are slow.
`,
};

/** The new updates, oldest first, as notify must send them. */
export const NEW_IDS = [
  '2025-02-09-api-errors#update-20250209T020000-investigating',
  '2025-02-09-oss-slow#update-20250209T021000-investigating',
  '2025-02-09-api-errors#update-20250209T022000-identified',
  '2025-02-09-oss-slow#update-20250209T024000-resolved',
  '2025-02-09-api-errors#update-20250209T030000-resolved',
];

export const NOTIFY_YAML = `- id: ops
  type: slack
  url: env:SLACK_URL
- id: storage
  type: discord
  url: env:DISCORD_URL
  services: [oss]
- id: compute
  type: teams
  url: env:TEAMS_URL
  services: [ecs]
- id: partners
  type: webhook
  url: env:HOOK_URL
  secret: env:HOOK_SECRET
- id: console-team
  type: webhook
  url: env:CONSOLE_HOOK_URL
  services: [console]
- id: customers
  type: email
  to: [a@example.com, Bee <b@example.com>]
  from: Test Status <status@status.test>
  smtp: env:SMTP_URL
  unsubscribe: [mailto:leave@status.test, https://status.test/unsubscribe]
`;

/** Writes the manifest the build would write for the content in `dir` into `outDir`. */
export async function writeManifest(dir: string, outDir: string, now = NOW): Promise<string> {
  const { content, problems } = resolveContent(await readContentFiles(dir), now);
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
  const file = path.join(outDir, 'api', 'v1', 'updates.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(updatesJson(computeLedger(content, now), content.site)));
  return file;
}

/**
 * The site as last published (OLD_FILES) and as built now (OLD_FILES and
 * NEW_FILES, with notify.yaml): the content folder, the build's outDir and
 * the previous manifest's file.
 */
export async function publishedSite(notify = NOTIFY_YAML, siteYaml?: string) {
  const extra: Record<string, string> = siteYaml ? { 'site.yaml': siteYaml } : {};
  const before = writeContentFolder({ ...OLD_FILES, ...extra });
  const work = mkdtempSync(path.join(tmpdir(), 'status-ledger-notify-'));
  const previous = await writeManifest(before, path.join(work, 'live'));
  const dir = writeContentFolder({ ...OLD_FILES, ...NEW_FILES, ...extra, 'notify.yaml': notify });
  const outDir = path.join(work, 'dist');
  const current = await writeManifest(dir, outDir);
  return { dir, outDir, previous, current, work };
}
