/**
 * Small builders for tests: resolved content for the engine, and content
 * folders written to disk for the edge and the build.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_EXCLUDED_CAUSES, DEFAULT_WEIGHTS } from '../src/core/defaults.ts';
import { parseTime, type Instant } from '../src/core/time.ts';
import type { Content, Incident, Localized, Policy, Service, Site, Update, UpdateStatus } from '../src/core/types.ts';

/** An instant from `YYYY-MM-DD HH:mm[:ss]` with an offset, or read in Asia/Shanghai without one. */
export function at(text: string, timeZone = 'Asia/Shanghai'): Instant {
  const instant = parseTime(text, timeZone);
  if (instant === undefined) throw new Error(`bad test time ${text}`);
  return instant;
}

/** Words in the test site's one language, English. */
export function en(text: string): Localized {
  return { en: text };
}

/** An update of `status` at `time` (read with `at`) saying `markdown`, in English. */
export function update(status: UpdateStatus, time: string, markdown = 'An update.', line = 1): Update {
  return { status, at: at(time), text: { en: { html: `<p>${markdown}</p>`, markdown } }, line };
}

/** DESIGN's standard policy, in Asia/Shanghai unless overridden. */
export function standardPolicy(overrides: Partial<Policy> = {}): Policy {
  return {
    id: 'standard',
    name: en('Standard monthly SLA'),
    timeZone: 'Asia/Shanghai',
    objective: 99.95,
    weights: { ...DEFAULT_WEIGHTS },
    excludedCauses: [...DEFAULT_EXCLUDED_CAUSES],
    capPercent: 100,
    tiers: [
      { id: 'prorated-plus', name: en('Pro-rated refund plus service credit'), below: 99, prorated: true, creditPercent: 10 },
      { id: 'prorated', name: en('Pro-rated refund'), below: 99.95, prorated: true, creditPercent: 0 },
    ],
    claim: null,
    ...overrides,
  };
}

/** A fixed-credit policy shaped like a cloud SLA: 10% / 25% / 100%. */
export function fixedCreditPolicy(overrides: Partial<Policy> = {}): Policy {
  return standardPolicy({
    id: 'fixed',
    name: en('Fixed credit'),
    objective: 99.99,
    tiers: [
      { id: 'full', name: en('Full credit'), below: 95, prorated: false, creditPercent: 100 },
      { id: 'quarter', name: en('25% credit'), below: 99, prorated: false, creditPercent: 25 },
      { id: 'tenth', name: en('10% credit'), below: 99.99, prorated: false, creditPercent: 10 },
    ],
    ...overrides,
  });
}

export function service(id: string, overrides: Partial<Service> = {}): Service {
  return { id, name: en(id), group: en('Compute'), description: en(''), sla: 'standard', ...overrides };
}

let counter = 0;

/**
 * An incident affecting `services` from `from` to `to` (both read with `at`),
 * with the incident's level for every service. Offset-less times are read in
 * `zone` (default Asia/Shanghai).
 */
export function incident(
  from: string,
  to: string | null,
  overrides: Partial<Incident> & { services?: string[]; zone?: string } = {},
): Incident {
  const { services = ['ecs'], zone, ...rest } = overrides;
  const started = at(from, zone);
  const resolved = to === null ? null : at(to, zone);
  const level = rest.level ?? 'major-outage';
  return {
    id: `incident-${++counter}`,
    path: 'content/incidents/test.md',
    kind: 'incident',
    title: en('Test incident'),
    cause: 'platform',
    started,
    resolved,
    level,
    scheduled: null,
    affected: services.map((id) => ({ service: id, level, from: started, to: resolved })),
    summary: en(''),
    updates: [],
    postmortem: null,
    source: null,
    translations: {},
    ...rest,
  };
}

export const testSite: Site = {
  title: en('Test Status'),
  description: en('Test'),
  url: 'https://status.test',
  timeZone: 'Asia/Shanghai',
  feedItems: 50,
  support: [],
  locale: 'en',
  languages: [],
};

export function content(incidents: Incident[], overrides: Partial<Content> = {}): Content {
  return {
    site: testSite,
    services: [service('ecs'), service('oss')],
    policies: [standardPolicy()],
    incidents,
    ...overrides,
  };
}

/** Files of a content folder, relative to it, and their text. */
export type FolderFiles = Record<string, string>;

export const SITE_YAML = `title: Test Status
description: Status of the test cloud
url: https://status.test
timeZone: Asia/Shanghai
support:
  - label: Hotline
    href: tel:+1-555-0100
`;

export const SERVICES_YAML = `- id: ecs
  name: Compute
  group: Compute
- id: oss
  name: Storage
  group: Storage
- id: cdn
  name: CDN
  group: Network
  sla: fixed
- id: console
  name: Console
  group: Network
  sla: none
`;

export const SLA_YAML = `- id: standard
  name: Standard monthly SLA
  timeZone: Asia/Shanghai
  objective: 99.95
  weights:
    major-outage: 1
    partial-outage: 0.3
    degraded-performance: 0
  excludedCauses: [customer, third-party, maintenance, force-majeure]
  capPercent: 100
  tiers:
    - id: prorated
      name: Pro-rated refund
      below: 99.95
      prorated: true
      creditPercent: 0
    - id: prorated-plus
      name: Pro-rated refund plus service credit
      below: 99
      prorated: true
      creditPercent: 10
- id: fixed
  name: Fixed credit
  timeZone: UTC
  objective: 99.99
  tiers:
    - { id: tenth, name: 10% credit, below: 99.99, creditPercent: 10 }
    - { id: quarter, name: 25% credit, below: 99, creditPercent: 25 }
    - { id: full, name: Full credit, below: 95, creditPercent: 100 }
`;

/** Writes a content folder (site, services and sla defaults plus `files`) into a new temporary folder. */
export function writeContentFolder(files: FolderFiles, prefix = 'status-ledger-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const all: FolderFiles = { 'site.yaml': SITE_YAML, 'services.yaml': SERVICES_YAML, 'sla.yaml': SLA_YAML, ...files };
  for (const [name, text] of Object.entries(all)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

/** DESIGN's example incident, on the test services `ecs` and `oss`. */
export const DESIGN_EXAMPLE = `---
title: Instances unreachable in Hangzhou zone H
cause: platform
started: 2025-01-18 02:11
resolved: 2025-01-18 03:40
level: major-outage
affected:
  - ecs
  - service: oss
    level: partial-outage
    from: 2025-01-18 02:30
    to: 2025-01-18 02:50
---
A power feed in one data hall failed. Instances in zone H were unreachable.

## Resolved — 2025-01-18 03:45
Power is restored and every instance is reachable again.

## Identified — 2025-01-18 02:40
A power supply failure in one data hall. Backup feeds are being switched in.

## Investigating — 2025-01-18 02:20
We are investigating reports that instances in zone H are unreachable.

## Postmortem
What happened, why, and what we change so that it does not happen again.
- [x] Second independent power feed for hall 3
- [ ] Quarterly failover drill
`;
