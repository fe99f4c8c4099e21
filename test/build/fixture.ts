/**
 * A small content folder for build-output tests: every rule once, with figures
 * worked out by hand in the comments. Built with now = 2025-02-10 00:00 UTC.
 */
import { DESIGN_EXAMPLE, SLA_YAML } from '../builders.ts';

/** 2025-02-10T00:00:00Z */
export const FIXTURE_NOW = Date.parse('2025-02-10T00:00:00Z') / 1000;

/** The claim form of the standard policy (the fixed one has no claim: pages say to contact support). */
export const CLAIM_TEMPLATE = 'https://support.test/claims/new?service={service}&month={month}&incidents={incidents}';

/** sla.yaml of the fixture: the builders' policies, the standard one with claims by ticket within 30 days (January 2025 in Shanghai may be claimed until 2025-03-02). */
export const FIXTURE_SLA = SLA_YAML.replace('  name: Standard monthly SLA\n', `  name: Standard monthly SLA\n  claim:\n    how: ticket\n    url: ${CLAIM_TEMPLATE}\n    within: 30 days\n`);

/** The fixture's incident files. */
export const FIXTURE_FILES = {
  // 89 min major on ecs, 20 min partial on oss (6 weighted minutes). January: 44640 minutes.
  'incidents/2025/2025-01-18-hangzhou-power.md': DESIGN_EXAMPLE,
  // Overlaps the power incident by 9 minutes (03:31-03:40): adds 30 - 9 = 21 minutes to ecs in January.
  'incidents/2025/2025-01-18-api-errors.md': `---
title: API errors
started: 2025-01-18 03:31
resolved: 2025-01-18 04:01
affected: [ecs]
---
## Resolved | 2025-01-18 04:05
Fixed.
## Investigating - 2025-01-18 03:35
Errors on the API.
`,
  // Crosses midnight on Feb 1st in Asia/Shanghai: 30 min in January, 45 in February, and is customer-caused.
  'incidents/2025/2025-01-31-customer.md': `---
title: Customer misconfiguration
cause: customer
started: 2025-01-31 23:30
resolved: 2025-02-01 00:45
affected: [oss]
---
## Resolved – 2025-02-01 00:50
Customer fixed their rules.
`,
  // Maintenance 01:00-03:00 announced, ran 01:00-04:00: 60 min platform overrun on oss.
  'incidents/2025/2025-02-03-oss-upgrade.md': `---
title: Storage upgrade
kind: maintenance
scheduled:
  from: 2025-02-03 01:00
  to: 2025-02-03 03:00
resolved: 2025-02-03 04:00
affected: [oss]
---
## Completed — 2025-02-03 04:00
Done, an hour late.
## In progress — 2025-02-03 01:00
Started.
## Scheduled — 2025-01-25 10:00
Planned.
`,
  // Ongoing on the CDN (fixed-credit policy in UTC) since 2025-02-09 22:00 UTC: 120 minutes at now.
  'incidents/2025/2025-02-10-cdn.md': `---
title: CDN errors in Europe
started: 2025-02-09T22:00Z
level: partial-outage
affected: [cdn, console]
---
## Identified — 2025-02-10 06:30
A faulty edge node.
## Investigating — 2025-02-10 06:10
Looking.
`,
  // Upcoming maintenance.
  'incidents/2025/2025-02-20-ecs-maintenance.md': `---
title: Compute maintenance
kind: maintenance
scheduled:
  from: 2025-02-20 01:00
  to: 2025-02-20 02:00
affected: [ecs]
---
## Scheduled — 2025-02-09 10:00
Planned.
`,
  'incidents/2025/2025-02-05-notice.md': `---
title: New region
kind: notice
started: 2025-02-05 10:00
---
We opened a new region.
`,
};
