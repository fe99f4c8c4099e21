/**
 * Synthetic content for benchmarks: a provider with 50 services in 5 groups
 * posting `count` incidents over ten years, with a realistic mix of levels,
 * causes, overlaps, month crossings, maintenances (some overrunning) and
 * multi-paragraph updates. Deterministic for a given count and seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const GROUPS = ['Compute', 'Storage', 'Networking', 'Databases', 'Platform'];
const REGIONS = ['hangzhou', 'shanghai', 'beijing', 'shenzhen', 'singapore', 'frankfurt', 'virginia', 'tokyo', 'sydney', 'london'];
const LEVELS = ['major-outage', 'partial-outage', 'partial-outage', 'degraded-performance', 'degraded-performance'];
const CAUSES = ['platform', 'platform', 'platform', 'platform', 'customer', 'third-party', 'force-majeure', undefined];
const SENTENCES = [
  'Requests to the affected endpoints returned errors or timed out.',
  'Engineers traced the problem to a configuration change rolled out earlier in the day.',
  'Traffic was shifted to healthy zones while the faulty hosts were drained.',
  'Error rates are back to normal and we are watching the service closely.',
  'A subset of customers saw elevated latency when creating new resources.',
  'We rolled back the change and replayed the queued operations.',
  'Existing workloads kept running; only management operations were affected.',
  'We will publish a postmortem with the follow-up actions within five working days.',
];

/** A small seeded generator (mulberry32), so every run writes the same files. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `YYYY-MM-DD HH:mm` of `ms` read as Asia/Shanghai wall time (UTC+8, no DST). */
function shanghai(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export interface GeneratedContent {
  dir: string;
  incidents: number;
  services: number;
  /** The build's now: just after the last incident. */
  now: number;
}

/** Writes a content folder with `count` incidents into `dir`. */
export function generateContent(dir: string, count: number, seed = 42): GeneratedContent {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const services = Array.from({ length: 50 }, (_, index) => ({
    id: `${GROUPS[index % 5]!.toLowerCase()}-${REGIONS[Math.floor(index / 5)]!}`,
    name: `${GROUPS[index % 5]} · ${REGIONS[Math.floor(index / 5)]!.replace(/^./, (c) => c.toUpperCase())}`,
    group: GROUPS[index % 5]!,
  }));
  mkdirSync(path.join(dir, 'incidents'), { recursive: true });
  writeFileSync(
    path.join(dir, 'site.yaml'),
    'title: Bench Cloud Status\ndescription: Synthetic content\nurl: https://status.bench.example\ntimeZone: Asia/Shanghai\nfeedItems: 50\nsupport:\n  - label: Hotline\n    href: tel:+1-555-0100\n',
  );
  writeFileSync(
    path.join(dir, 'services.yaml'),
    services.map((service, index) => `- id: ${service.id}\n  name: ${service.name}\n  group: ${service.group}\n${index % 10 === 9 ? '  sla: fixed\n' : ''}`).join(''),
  );
  writeFileSync(
    path.join(dir, 'sla.yaml'),
    `- id: standard
  name: Standard monthly SLA
  objective: 99.95
  tiers:
    - { id: prorated, name: Pro-rated refund, below: 99.95, prorated: true }
    - { id: prorated-plus, name: Pro-rated refund plus credit, below: 99, prorated: true, creditPercent: 10 }
- id: fixed
  name: Fixed credit
  timeZone: UTC
  objective: 99.99
  tiers:
    - { id: tenth, name: 10% credit, below: 99.99, creditPercent: 10 }
    - { id: quarter, name: 25% credit, below: 99, creditPercent: 25 }
`,
  );
  const start = Date.UTC(2016, 0, 1);
  const span = 10 * 365 * 86_400_000;
  const step = span / count;
  let last = start;
  for (let index = 0; index < count; index++) {
    // Evenly spread with jitter: neighbours overlap now and then; some cross midnight on the 1st.
    const began = Math.floor((start + index * step + next() * step * 1.5) / 60_000) * 60_000;
    const minutes = next() < 0.05 ? 300 + Math.floor(next() * 900) : 5 + Math.floor(next() * 120);
    const ended = began + minutes * 60_000;
    last = Math.max(last, ended);
    const affected = Array.from(new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(services).id)));
    const maintenance = next() < 0.12;
    const year = shanghai(began).slice(0, 4);
    const id = `${shanghai(began).slice(0, 10)}-bench-${index}`;
    const paragraph = () => Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SENTENCES)).join(' ');
    const updates: string[] = [];
    let front: string;
    if (maintenance) {
      const planned = Math.max(30, minutes - (next() < 0.3 ? 30 : -10)) * 60_000;
      front = `title: Planned maintenance ${index} on ${affected.join(', ')}\nkind: maintenance\nscheduled:\n  from: ${shanghai(began)}\n  to: ${shanghai(began + planned)}\nresolved: ${shanghai(ended)}\n`;
      updates.push(`## Completed — ${shanghai(ended)}\n${paragraph()}`, `## In progress — ${shanghai(began)}\n${paragraph()}`, `## Scheduled — ${shanghai(began - 7 * 86_400_000)}\n${paragraph()}\n\n${paragraph()}`);
    } else {
      const cause = pick(CAUSES);
      front = `title: Elevated errors ${index} on ${affected.join(', ')}\n${cause ? `cause: ${cause}\n` : ''}started: ${shanghai(began)}\nresolved: ${shanghai(ended)}\nlevel: ${pick(LEVELS)}\n`;
      updates.push(`## Resolved — ${shanghai(ended)}\n${paragraph()}\n\n${paragraph()}`);
      if (minutes > 20) updates.push(`## Monitoring — ${shanghai(ended - 10 * 60_000)}\n${paragraph()}`);
      updates.push(`## Identified | ${shanghai(began + 5 * 60_000)}\n${paragraph()}`, `## Investigating - ${shanghai(began + 2 * 60_000)}\n${paragraph()}`);
    }
    const postmortem = next() < 0.1 ? `\n## Postmortem\n${paragraph()}\n- [x] Fix the root cause\n- [ ] Add an alert\n` : '';
    const text = `---\n${front}affected:\n${affected.map((service) => `  - ${service}`).join('\n')}\n---\n${paragraph()}\n\n${updates.join('\n\n')}\n${postmortem}`;
    mkdirSync(path.join(dir, 'incidents', year), { recursive: true });
    writeFileSync(path.join(dir, 'incidents', year, `${id}.md`), text);
  }
  return { dir, incidents: count, services: services.length, now: Math.ceil((last + 86_400_000) / 1000) };
}
