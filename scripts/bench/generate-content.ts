/**
 * Synthetic content for benchmarks: a provider with 50 services in 5 groups
 * posting `count` incidents over ten years, with a realistic mix of levels,
 * causes, overlaps, month crossings, maintenances (some overrunning) and
 * multi-paragraph updates. Deterministic for a given count and seed.
 *
 * `bilingual` writes the same history for a site in two languages (see
 * docs/languages.md): site.yaml has `locale: zh-CN` and
 * `languages: [en]`, the originals are in Chinese, and about two in five
 * incidents have a translation `<id>.en.md` beside them with only `title` in
 * its front matter, an English summary and some of the original's updates.
 * Times, services and levels are the one-language history's, so the two
 * differ only in their words.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const GROUPS = ['Compute', 'Storage', 'Networking', 'Databases', 'Platform'];
const REGIONS = ['hangzhou', 'shanghai', 'beijing', 'shenzhen', 'singapore', 'frankfurt', 'virginia', 'tokyo', 'sydney', 'london'];
/** GROUPS in the first language of a bilingual site. */
const GROUPS_ZH = ['计算', '存储', '网络', '数据库', '平台'];
/** REGIONS in the first language of a bilingual site. */
const REGIONS_ZH = ['杭州', '上海', '北京', '深圳', '新加坡', '法兰克福', '弗吉尼亚', '东京', '悉尼', '伦敦'];
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
/** SENTENCES in the first language of a bilingual site, one for one. */
const SENTENCES_ZH = [
  '受影响接口的请求返回错误或超时。',
  '工程师确认问题源于当天早些时候发布的一项配置变更。',
  '流量已切换到健康的可用区，故障主机正在下线。',
  '错误率已恢复正常，我们正在密切观察服务。',
  '部分客户在创建新资源时遇到延迟升高。',
  '我们回滚了该变更，并重放了排队中的操作。',
  '已有工作负载持续运行，仅管理操作受到影响。',
  '我们将在五个工作日内发布事后分析及后续改进措施。',
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
  /** Translation files written (`<id>.en.md`), 0 for a one-language site. */
  translations: number;
  services: number;
  /** The build's now: just after the last incident. */
  now: number;
}

/** How generateContent writes: the seed, and whether the site has a second language. */
export interface GenerateOptions {
  seed?: number;
  bilingual?: boolean;
}

/** One update as the generator writes it: heading status, time, separator and text. */
interface GeneratedUpdate {
  status: string;
  time: string;
  separator: string;
  text: string;
}

/** Writes a content folder with `count` incidents into `dir`. */
export function generateContent(dir: string, count: number, options: GenerateOptions = {}): GeneratedContent {
  const { seed = 42, bilingual = false } = options;
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  // Translations draw from a stream of their own, so the history is the same with or without them.
  const nextWords = random(seed + 1);
  const pickWords = <T>(list: readonly T[]): T => list[Math.floor(nextWords() * list.length)]!;
  const sentences = bilingual ? SENTENCES_ZH : SENTENCES;
  const services = Array.from({ length: 50 }, (_, index) => ({
    id: `${GROUPS[index % 5]!.toLowerCase()}-${REGIONS[Math.floor(index / 5)]!}`,
    name: `${GROUPS[index % 5]} · ${REGIONS[Math.floor(index / 5)]!.replace(/^./, (c) => c.toUpperCase())}`,
    group: GROUPS[index % 5]!,
    nameZh: `${GROUPS_ZH[index % 5]} · ${REGIONS_ZH[Math.floor(index / 5)]!}`,
  }));
  mkdirSync(path.join(dir, 'incidents'), { recursive: true });
  const languages = bilingual ? 'locale: zh-CN\nlanguages: [en]\ntitle: {zh-CN: 基准云状态, en: Bench Cloud Status}\n' : 'title: Bench Cloud Status\n';
  writeFileSync(
    path.join(dir, 'site.yaml'),
    `${languages}description: Synthetic content\nurl: https://status.bench.example\ntimeZone: Asia/Shanghai\nfeedItems: 50\nsupport:\n  - label: Hotline\n    href: tel:+1-555-0100\n`,
  );
  const serviceName = (service: (typeof services)[number]) => (bilingual ? `{zh-CN: ${service.nameZh}, en: ${service.name}}` : service.name);
  writeFileSync(
    path.join(dir, 'services.yaml'),
    services.map((service, index) => `- id: ${service.id}\n  name: ${serviceName(service)}\n  group: ${service.group}\n${index % 10 === 9 ? '  sla: fixed\n' : ''}`).join(''),
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
  let translations = 0;
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
    const paragraph = () => Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(sentences)).join(bilingual ? '' : ' ');
    const englishParagraph = () => Array.from({ length: 2 + Math.floor(nextWords() * 3) }, () => pickWords(SENTENCES)).join(' ');
    const updates: GeneratedUpdate[] = [];
    let front: string;
    let title: string;
    if (maintenance) {
      const planned = Math.max(30, minutes - (next() < 0.3 ? 30 : -10)) * 60_000;
      title = `Planned maintenance ${index} on ${affected.join(', ')}`;
      front = `kind: maintenance\nscheduled:\n  from: ${shanghai(began)}\n  to: ${shanghai(began + planned)}\nresolved: ${shanghai(ended)}\n`;
      updates.push(
        { status: 'Completed', time: shanghai(ended), separator: '—', text: paragraph() },
        { status: 'In progress', time: shanghai(began), separator: '—', text: paragraph() },
        { status: 'Scheduled', time: shanghai(began - 7 * 86_400_000), separator: '—', text: `${paragraph()}\n\n${paragraph()}` },
      );
    } else {
      const cause = pick(CAUSES);
      title = `Elevated errors ${index} on ${affected.join(', ')}`;
      front = `${cause ? `cause: ${cause}\n` : ''}started: ${shanghai(began)}\nresolved: ${shanghai(ended)}\nlevel: ${pick(LEVELS)}\n`;
      updates.push({ status: 'Resolved', time: shanghai(ended), separator: '—', text: `${paragraph()}\n\n${paragraph()}` });
      if (minutes > 20) updates.push({ status: 'Monitoring', time: shanghai(ended - 10 * 60_000), separator: '—', text: paragraph() });
      updates.push(
        { status: 'Identified', time: shanghai(began + 5 * 60_000), separator: '|', text: paragraph() },
        { status: 'Investigating', time: shanghai(began + 2 * 60_000), separator: '-', text: paragraph() },
      );
    }
    const postmortem = next() < 0.1 ? `\n## Postmortem\n${paragraph()}\n- [x] Fix the root cause\n- [ ] Add an alert\n` : '';
    const shownTitle = bilingual ? `${affected.join('、')} ${maintenance ? '计划维护' : '错误率升高'} ${index}` : title;
    const body = (list: GeneratedUpdate[]) => list.map((update) => `## ${update.status} ${update.separator} ${update.time}\n${update.text}`).join('\n\n');
    const text = `---\ntitle: ${shownTitle}\n${front}affected:\n${affected.map((service) => `  - ${service}`).join('\n')}\n---\n${paragraph()}\n\n${body(updates)}\n${postmortem}`;
    mkdirSync(path.join(dir, 'incidents', year), { recursive: true });
    writeFileSync(path.join(dir, 'incidents', year, `${id}.md`), text);
    if (bilingual && nextWords() < 0.4) {
      // Some of the original's updates, at least one, the way a translator catches up during an outage.
      const chosen = updates.filter((_, place) => place === 0 || nextWords() < 0.6);
      const translated = chosen.map((update) => ({ ...update, separator: '—', text: englishParagraph() }));
      const translatedPostmortem = postmortem && nextWords() < 0.5 ? `\n## Postmortem\n${englishParagraph()}\n` : '';
      writeFileSync(
        path.join(dir, 'incidents', year, `${id}.en.md`),
        `---\ntitle: ${title}\n---\n${englishParagraph()}\n\n${body(translated)}\n${translatedPostmortem}`,
      );
      translations++;
    }
  }
  return { dir, incidents: count, translations, services: services.length, now: Math.ceil((last + 86_400_000) / 1000) };
}
