/**
 * A content folder for the credits a customer relies on (issue 18), built
 * with now = 2025-02-10 08:00 in Asia/Shanghai (FIXTURE_NOW): a claim whose
 * period has ended, a provisional month, a corrected incident, a withdrawn
 * one, a service with `since`, a currency, an upcoming maintenance. Figures
 * are worked out in the comments. English first, Chinese beside it under
 * /zh-cn/ (names are the same in both; the corrected incident is translated,
 * its Correction too): every word of the credits in both editions.
 */
import { SITE_YAML } from '../builders.ts';
import { FIXTURE_SLA } from './fixture.ts';

export const CREDITS_FILES = {
  'site.yaml': `${SITE_YAML}currency: CNY\nlanguages: [zh-CN]\n`,
  'services.yaml': `- id: ecs
  name: Compute
  group: Compute
- id: oss
  name: Storage
  group: Storage
- id: fresh
  name: Fresh service
  group: Storage
  since: 2025-01-20
`,
  // The standard policy: tickets within 30 days of the month's end.
  'sla.yaml': FIXTURE_SLA,
  // 120 min in November 2024: a credit whose claim period ended on 30 Dec 2024 (1 Dec + 30 days).
  'incidents/2024/2024-11-05-old-outage.md': `---
title: Old compute outage
started: 2024-11-05 10:00
resolved: 2024-11-05 12:00
affected: [ecs]
---
## Resolved — 2024-11-05 12:00
Fixed.
`,
  // Posted by mistake and withdrawn: its window on Storage is of zero length; December says it was corrected on 6 Feb 2025.
  'incidents/2024/2024-12-12-mistake.md': `---
title: Storage outage
started: 2024-12-12 10:00
resolved: 2024-12-12 11:00
affected:
  - service: oss
    to: 2024-12-12 10:00
---
## Correction — 2025-02-06 09:00
- affected.oss.to: 2024-12-12 11:00 → 2024-12-12 10:00

Posted by mistake: this was a drill.

## Resolved — 2024-12-12 11:00
Recovered.
`,
  // Corrected: it ended at 11:00, not 10:30. January on Compute says it was corrected on 5 Feb 2025.
  'incidents/2025/2025-01-10-compute-errors.md': `---
title: Compute errors
started: 2025-01-10 10:00
resolved: 2025-01-10 11:00
affected: [ecs]
---
## Correction — 2025-02-05 10:00
- resolved: 2025-01-10 10:30 → 2025-01-10 11:00

The load balancer logged errors until 11:00.

## Resolved — 2025-01-10 10:35
Fixed.
`,
  // Its Chinese translation: the Correction is matched by its status (更正) and instant.
  'incidents/2025/2025-01-10-compute-errors.zh-CN.md': `---
title: 计算服务错误
---
## 更正 — 2025-02-05 10:00
- resolved: 2025-01-10 10:30 → 2025-01-10 11:00

负载均衡器的错误一直记录到 11:00。
`,
  // 145 min at a partial outage: 43.5 weighted minutes on each service, in a February still going on (provisional).
  'incidents/2025/2025-02-03-slow-uploads.md': `---
title: Slow storage uploads
started: 2025-02-03 10:00
resolved: 2025-02-03 12:25
level: partial-outage
affected: [oss, fresh]
---
## Resolved — 2025-02-03 12:25
Fixed.
`,
  // Announced, not started: nothing is under maintenance yet.
  'incidents/2025/2025-02-20-compute-upgrade.md': `---
title: Compute upgrade
kind: maintenance
scheduled:
  from: 2025-02-20 01:00
  to: 2025-02-20 03:00
affected: [ecs]
---
## Scheduled — 2025-02-09 10:00
Planned.
`,
};
