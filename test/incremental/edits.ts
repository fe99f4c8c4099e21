/**
 * The edits the incremental build's property test applies to a small
 * bilingual site: what editors do (open, update, resolve and correct an
 * incident with the real commands; rename a service, change a policy, add a
 * translation by editing files), and now moving past the boundaries pages
 * show facts about (a day, a month's end, the 7-day support window, the
 * 90-day bars).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readContentFiles, resolveContent } from '../../src/contract/load-content.ts';
import { correctCommand } from '../../src/editor/correct.ts';
import { newCommand, resolveCommand, updateCommand } from '../../src/editor/commands.ts';
import type { CommandResult } from '../../src/editor/editor-cli.ts';
import { isSevere } from '../../src/core/incident-report.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import { SUPPORT_DAYS } from '../../src/core/support.ts';
import { DAY_MS, formatWallTime, MINUTE_MS, monthOf, monthRange, shiftMonth } from '../../src/core/time.ts';
import { statusWord } from '../../src/contract/timeline.ts';
import type { Content } from '../../src/core/types.ts';
import { BILINGUAL_FILES } from '../build/bilingual.ts';
import { writeContentFolder } from '../builders.ts';

/** 2025-02-10 08:00 in Asia/Shanghai, in seconds. */
export const START = Date.parse('2025-02-10T00:00:00Z') / 1000;

/** A severe incident resolved two days before START: its page lists every support contact until 2025-02-15 11:00. */
export const OSS_OUTAGE_ID = '2025-02-08-oss-outage';
const OSS_OUTAGE = `---
title: 对象存储不可用
started: 2025-02-08 10:00
resolved: 2025-02-08 11:00
level: major-outage
affected: [oss]
---
## 已解决 — 2025-02-08 11:00
已恢复。

## 调查中 — 2025-02-08 10:05
正在排查。
`;

/** The site the property test starts from: Chinese first, English beside it, an ongoing incident, a severe one resolved lately, a planned maintenance. */
export function startingContent(): string {
  return writeContentFolder({
    ...BILINGUAL_FILES,
    [`incidents/2025/${OSS_OUTAGE_ID}.md`]: OSS_OUTAGE,
    'incidents/2025/2025-02-20-ecs-upgrade.md': `---
title: 云服务器升级
kind: maintenance
scheduled:
  from: 2025-02-20 01:00
  to: 2025-02-20 03:00
affected: [ecs]
---
## 计划中 — 2025-02-09 10:00
计划维护。
`,
  }, 'status-ledger-incremental-');
}

/** What editors and time do to the site, one kind per step. */
export const EDITS = ['new', 'update', 'resolve', 'correct', 'rename', 'policy', 'translate', 'day', 'month', 'support', 'window'] as const;
export type EditKind = (typeof EDITS)[number];

/** One step: an edit and the random numbers that pick what it touches. */
export interface Step {
  kind: EditKind;
  pick: number;
}

/** The content and its ledger at `now` (seconds), to pick what an edit touches. */
async function state(dir: string, now: number): Promise<{ content: Content; ledger: ReturnType<typeof computeLedger> }> {
  const { content, problems } = resolveContent(await readContentFiles(dir), now * 1000);
  if (problems.length > 0) throw new Error(`the test's content has problems: ${JSON.stringify(problems)}`);
  return { content, ledger: computeLedger(content, now * 1000) };
}

function must(result: CommandResult, what: string): string {
  if (result.code !== 0) throw new Error(`${what} failed: ${result.stderr}`);
  return result.stdout;
}

/** Seconds, rounded up to the next whole minute after `ms`. */
function secondsAfter(ms: number, minutes: number): number {
  return Math.ceil((ms + minutes * MINUTE_MS) / 60_000) * 60;
}

/**
 * Applies `step` to the content folder `dir` at `now` (seconds) and returns
 * the now of the build after it, with what it did in words. Edits that
 * find nothing to touch (no open incident to update) open one instead.
 */
export async function applyStep(dir: string, now: number, step: Step, index: number): Promise<{ now: number; did: string }> {
  const pick = <T>(list: readonly T[]): T => list[step.pick % list.length]!;
  const later = now + 60 * (1 + (step.pick % 30));
  const env = (at: number) => ({ STATUS_CONTENT_DIR: dir, SOURCE_DATE_EPOCH: String(at) });
  const { content, ledger } = await state(dir, now);
  const open = ledger.incidents.filter((entry) => entry.incident.kind === 'incident' && entry.status !== 'resolved');
  const resolved = ledger.incidents.filter((entry) => entry.incident.kind === 'incident' && entry.status === 'resolved' && !entry.withdrawn);
  const opening = async () => {
    const service = pick(content.services).id;
    const level = pick(['partial-outage', 'major-outage', 'degraded-performance']);
    const out = must(await newCommand([`第 ${index} 号故障`, '--services', service, '--level', level, '--slug', `step-${index}`], env(later)), 'new');
    return { now: later, did: `new incident on ${service} (${level}): ${out.trim()}` };
  };
  switch (step.kind) {
    case 'new':
      return opening();
    case 'update': {
      if (open.length === 0) return opening();
      const id = pick(open).incident.id;
      const word = pick(['identified', 'monitoring', 'update']);
      must(await updateCommand([id, word, `第 ${index} 步的进展。`], env(later)), 'update');
      return { now: later, did: `update (${word}) to ${id}` };
    }
    case 'resolve': {
      if (open.length === 0) return opening();
      const id = pick(open).incident.id;
      must(await resolveCommand([id, '已恢复。'], env(later)), 'resolve');
      return { now: later, did: `resolved ${id}` };
    }
    case 'correct': {
      const target = pick(resolved);
      const cause = target.incident.cause === 'third-party' ? 'platform' : 'third-party';
      must(await correctCommand([target.incident.id, `原因更正为 ${cause}`, '--set', `cause=${cause}`], env(later)), 'correct');
      return { now: later, did: `corrected ${target.incident.id}: cause ${cause}` };
    }
    case 'rename': {
      const file = path.join(dir, 'services.yaml');
      const text = readFileSync(file, 'utf8');
      const names = [...text.matchAll(/^ {2}name: (.*)$/gm)];
      const chosen = pick(names);
      const renamed = chosen[1]!.includes('{') ? chosen[1]!.replace(/en: ([^,}]+)/, `en: $1 ${index}`).replace(/zh-CN: ([^,}]+)/, `zh-CN: $1${index}`) : `${chosen[1]} ${index}`;
      writeFileSync(file, text.replace(chosen[0], `  name: ${renamed}`));
      return { now, did: `renamed a service: ${chosen[1]} → ${renamed}` };
    }
    case 'policy': {
      const file = path.join(dir, 'sla.yaml');
      const text = readFileSync(file, 'utf8');
      const changed = text.includes('creditPercent: 10\n') ? text.replace('creditPercent: 10\n', 'creditPercent: 15\n') : text.replace('creditPercent: 15\n', 'creditPercent: 10\n');
      writeFileSync(file, changed);
      return { now, did: 'changed the standard policy\'s second tier credit (10% ↔ 15%)' };
    }
    case 'translate': {
      const untranslated = ledger.incidents.filter((entry) => entry.incident.translations.en === undefined);
      const target = pick(untranslated.length > 0 ? untranslated : ledger.incidents);
      const original = path.join(dir, target.incident.path.replace(/^.*?incidents[\\/]/, 'incidents/'));
      const file = original.replace(/\.md$/, '.en.md');
      const updates = target.incident.updates
        .slice(0, 1)
        .map((update) => `## ${statusWord(update.status)} — ${formatWallTime(update.at, content.site.timeZone, { seconds: true })}\nTranslated in step ${index}.\n`);
      writeFileSync(file, `---\ntitle: Translated in step ${index}\n---\nA summary in English.\n\n${updates.join('\n')}`);
      return { now, did: `translated ${target.incident.id} into English` };
    }
    case 'day':
      return { now: now + DAY_MS / 1000 + 60 * (step.pick % 600), did: 'a day later' };
    case 'month': {
      const next = monthRange(shiftMonth(monthOf(now * 1000, content.site.timeZone), 1), content.site.timeZone).from;
      return { now: secondsAfter(next, 1 + (step.pick % 300)), did: 'past the end of the month' };
    }
    case 'support': {
      const severe = ledger.incidents.filter((entry) => isSevere(entry) && entry.incident.resolved !== null && entry.incident.resolved + SUPPORT_DAYS * DAY_MS > now * 1000);
      if (severe.length === 0) return { now: now + (SUPPORT_DAYS * DAY_MS) / 1000 + 60, did: 'seven days later' };
      const target = pick(severe);
      return { now: secondsAfter(target.incident.resolved! + SUPPORT_DAYS * DAY_MS, 1 + (step.pick % 60)), did: `past the 7-day support window of ${target.incident.id}` };
    }
    case 'window':
      return { now: now + (90 * DAY_MS) / 1000 + 60 * (step.pick % 2880), did: 'ninety days later: out of the bars' };
  }
}

/** Steps in words, to replay a failure. */
export function describeSteps(steps: readonly Step[]): string {
  return steps.map((step) => `${step.kind}(${step.pick})`).join(', ');
}
