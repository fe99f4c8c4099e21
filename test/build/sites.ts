/**
 * The content folders build-output tests read, built once and one after
 * another by the global setup: Astro keeps build files in the project, so two
 * builds at once would mix.
 */
import { SITE_YAML, writeContentFolder } from '../builders.ts';
import { runLifecycle } from '../editor/lifecycle.ts';
import { BILINGUAL_FILES } from './bilingual.ts';
import { CREDITS_FILES } from './credits-fixture.ts';
import { FIXTURE_FILES, FIXTURE_SLA } from './fixture.ts';

export const HOSTILE_TITLE = `<script>alert("title")</script> & "quotes" ' ]]> </title>`;
export const HOSTILE_SERVICE = `<img src=x onerror=alert('service')>`;
/** Ends a JS comment, a script element, an HTML comment and a CDATA section. */
export const HOSTILE_SITE_TITLE = `<b>Evil</b> Status & Co */ alert("embed") /* </script><!-- ]]>`;
export const HOSTILE_DESCRIPTION = `</description><script>alert(1)</script> ]]> */`;
/** A right-to-left name with neutral and left-to-right neighbours: it must render as written. */
export const RTL_SERVICE = 'مخزن البيانات (EU) 3';
/** What a calendar must escape: `;`, `,` and `\\`, and script for good measure. */
export const HOSTILE_MAINTENANCE = `Upgrade; phase 1, part 2 \\ */ ]]> </script><script>alert('ics')</script>`;
/** Free text keeps line separators and bidi marks: they must stay text everywhere. */
export const HOSTILE_BODY = `Line one\u2028line two \u200fRLM */ ]]> </script><script>alert("body")</script>`;

export const HOSTILE_FILES = {
  'site.yaml': `title: ${JSON.stringify(HOSTILE_SITE_TITLE)}\ndescription: ${JSON.stringify(HOSTILE_DESCRIPTION)}\nurl: https://status.test\ntimeZone: UTC\n`,
  'services.yaml': `- id: api\n  name: "${HOSTILE_SERVICE}"\n  group: "<i>Group</i>"\n  description: "<script>alert('d')</script>"\n- id: store\n  name: ${RTL_SERVICE}\n  group: "<i>Group</i>"\n`,
  'sla.yaml': `- id: standard\n  name: "<u>Policy</u>"\n  objective: 99.9\n  tiers:\n    - { id: t, name: "<svg onload=alert(1)>", below: 99.9, prorated: true }\n`,
  'incidents/2025-01-10-hostile.md': `---
title: '${HOSTILE_TITLE.replace(/'/g, "''")}'
started: 2025-01-10 10:00
resolved: 2025-01-10 12:00
affected: [api]
---
<script>alert("summary")</script> <iframe src="https://evil.example"></iframe>

## Resolved — 2025-01-10 12:00
[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox) ![img](javascript:alert(2))
<img src=x onerror=alert("update")> <a href="javascript:alert(3)">raw link</a>

## Investigating — 2025-01-10 10:05
[ok](https://example.com/path?a=1&b=2) and [mail](mailto:ops@example.com) and [rel](/sla/)

## Postmortem
- [x] <b>bold</b> action
`,
  'incidents/2025-02-20-upgrade.md': `---
title: ${JSON.stringify(HOSTILE_MAINTENANCE)}
kind: maintenance
scheduled:
  from: 2025-02-20 01:00
  to: 2025-02-20 03:00
affected: [store]
---
## Scheduled — 2025-02-09 10:00
${HOSTILE_BODY}
`,
};


/** Each site by name: a function writing its content folder. `hostileAgain` builds the same folder as `hostile`. */
export const SITES: Record<string, () => string | Promise<string>> = {
  fixture: () => writeContentFolder({ 'sla.yaml': FIXTURE_SLA, ...FIXTURE_FILES }, 'status-ledger-fixture-'),
  zh: () => writeContentFolder({ 'sla.yaml': FIXTURE_SLA, ...FIXTURE_FILES, 'site.yaml': `${SITE_YAML}locale: zh-CN\n` }, 'status-ledger-zh-'),
  base: () =>
    writeContentFolder(
      {
        'sla.yaml': FIXTURE_SLA,
        ...FIXTURE_FILES,
        'site.yaml': `${SITE_YAML.replace('url: https://status.test', 'url: https://example.github.io/status')}websubHub: https://hub.example.com/?a=1&b=2\n`,
      },
      'status-ledger-base-',
    ),
  hostile: () => writeContentFolder(HOSTILE_FILES, 'status-ledger-hostile-'),
  credits: () => writeContentFolder(CREDITS_FILES, 'status-ledger-credits-'),
  bilingual: () => writeContentFolder(BILINGUAL_FILES, 'status-ledger-bilingual-'),
  broken: () => writeContentFolder({ 'incidents/bad.md': '---\ntitle: Bad\nstarted: 2025-01-18 02:11\naffected: [ecss]\n---\n' }),
  lateEpoch: () => writeContentFolder({ 'sla.yaml': FIXTURE_SLA, ...FIXTURE_FILES }, 'status-ledger-late-'),
  /** Made by npm run init and the editor commands alone (test/editor/lifecycle.ts). */
  lifecycle: async () => (await runLifecycle()).dir,
};

/** Sites whose build must fail, with the SOURCE_DATE_EPOCH each is built with (the others use FIXTURE_NOW). */
export const FAILING_BUILDS: Record<string, number | undefined> = { broken: undefined, lateEpoch: 99_999_999_999_999 };
