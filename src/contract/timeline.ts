/**
 * The timeline of an incident, parsed from its Markdown body: the summary
 * before the first `##` heading, one update per `## <Status> — <time>`
 * heading, and the postmortem under `## Postmortem`.
 */
import type { Token, Tokens } from 'marked';
import { readTime } from '../core/time.ts';
import { UPDATE_STATUSES, type FollowUp, type Locale, type Postmortem, type Update, type UpdateStatus } from '../core/types.ts';
import { EARLY_FIX, TIME_FORMAT, tooEarly } from './fields.ts';
import { lexMarkdown, renderMarkdown } from './markdown.ts';
import { suggest, type ContentProblem } from './problems.ts';

/** Status words as editors write them ("In progress"), by the status they mean. */
export const STATUS_WORDS: Record<string, UpdateStatus> = Object.fromEntries(
  UPDATE_STATUSES.map((status) => [status.replace('-', ' '), status]),
);

/** Each status in Simplified Chinese, as headings may write it. */
const CHINESE_STATUS_WORDS: Record<UpdateStatus, string> = {
  investigating: '调查中',
  identified: '已确认',
  monitoring: '观察中',
  update: '更新',
  resolved: '已解决',
  scheduled: '计划中',
  'in-progress': '进行中',
  verifying: '验证中',
  completed: '已完成',
  correction: '更正',
};

/**
 * Every word a status may be written as: the English ones (folded as
 * statusOfWord folds them) and their Simplified Chinese forms. A Map: only
 * these words are keys (an object would answer `constructor` too).
 */
const STATUS_BY_WORD = new Map<string, UpdateStatus>([
  ...Object.entries(STATUS_WORDS),
  ...Object.entries(CHINESE_STATUS_WORDS).map(([status, word]) => [word, status as UpdateStatus] as const),
]);

/**
 * The status a word names, the one rule for a heading's status and the
 * status `npm run update` is given: any case, a dash or any run of spaces
 * between words alike (`In progress`, `in-progress`, `IN  PROGRESS`), or its
 * Chinese form (`进行中`); `undefined` when it names none.
 */
export function statusOfWord(word: string): UpdateStatus | undefined {
  return STATUS_BY_WORD.get(word.toLowerCase().replace(/[\s-]+/g, ' ').trim());
}

/** A status as editors write it in a heading: `in-progress` → `In progress`. */
export function statusWord(status: UpdateStatus): string {
  const word = status.replace('-', ' ');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A status as a heading in `locale` writes it: `In progress`, `进行中`. */
export function statusWordIn(status: UpdateStatus, locale: Locale): string {
  return locale === 'zh-CN' ? CHINESE_STATUS_WORDS[status] : statusWord(status);
}

/** The postmortem's heading in `locale`: `Postmortem`, `复盘`. */
export function postmortemWordIn(locale: Locale): string {
  return locale === 'zh-CN' ? '复盘' : 'Postmortem';
}

/** Headings that start the postmortem. */
const POSTMORTEM_WORDS = ['postmortem', '复盘'];

/** Whether a level-2 heading's text (`Postmortem`, `复盘`) starts the postmortem. */
export function isPostmortemHeading(heading: string): boolean {
  return POSTMORTEM_WORDS.includes(heading.trim().toLowerCase());
}

/** `<Status> — <date time>`: any separator, or none before a date. */
const DATED = /^(.+?)\s*(?:[—–|-]\s*)?(\d{4}-\d{2}-\d{2}.*)$/;
/** `<Status> — <anything>`, to tell a bad time from a bad status. */
const SEPARATED = /^(.+?)\s*(?:[—–|]|\s-\s)\s*(.+)$/;

/** Splits a heading into its status word (spaces folded) and the text of its time, if any. */
function splitHeading(heading: string): { word: string; time: string | undefined } {
  const match = DATED.exec(heading) ?? SEPARATED.exec(heading);
  return { word: (match ? match[1]! : heading).trim().replace(/\s+/g, ' '), time: match?.[2]!.trim() };
}
const EXAMPLE = "'## Investigating — 2025-01-18 02:20'";

/** A body's timeline, in the one language it is written in. */
export interface Timeline {
  /** Rendered, safe HTML of the text before the first update; empty without one. */
  summaryHtml: string;
  /** Newest first; each update's text in the body's language only. */
  updates: Update[];
  postmortem: Postmortem | null;
  /** The file line of the `## Postmortem` heading, when there is one. */
  postmortemLine?: number;
}

interface Section {
  heading: string;
  line: number;
  /** Markdown between this heading and the next. */
  body: string;
  tokens: Token[];
  /** A `#` heading: already reported, its section is not an update. */
  levelOne: boolean;
}

/**
 * Parses an incident body written in `lang`: an original, or its
 * translation (the same headings, the same rules). `firstLine` is the file
 * line the body starts on. Headings that are not a known status and time
 * are reported, never dropped.
 */
export function parseTimeline(
  file: string,
  body: string,
  firstLine: number,
  timeZone: string,
  lang: Locale,
  problems: ContentProblem[],
): Timeline {
  const { summary, sections } = splitSections(body, firstLine, file, problems);
  const updates: Update[] = [];
  let postmortem: Postmortem | null = null;
  let postmortemLine: number | undefined;
  for (const section of sections) {
    if (section.levelOne) continue;
    const report = (message: string, fix: string) => problems.push({ file, line: section.line, message, fix });
    if (isPostmortemHeading(section.heading)) {
      if (postmortem) report('a second Postmortem heading', 'keep one ## Postmortem section');
      else {
        postmortem = { html: renderMarkdown(section.body), markdown: section.body.trim(), actions: followUps(section.tokens) };
        postmortemLine = section.line;
      }
      continue;
    }
    const { word, time } = splitHeading(section.heading);
    const status = statusOfWord(word);
    if (POSTMORTEM_WORDS.includes(word.toLowerCase())) {
      report(`heading '## ${section.heading}' gives the postmortem a time`, "write '## Postmortem' alone: the postmortem has no time");
      continue;
    }
    if (!status) {
      const known = [...Object.keys(STATUS_WORDS), 'postmortem'].map(capitalize);
      report(`heading '## ${section.heading}' is not a known status and time`, `${suggest(capitalize(word), known)} e.g. ${EXAMPLE}`);
      continue;
    }
    if (time === undefined) {
      report(`heading '## ${section.heading}' has no time`, `add the time after a dash, e.g. '## ${section.heading} — 2025-01-18 02:20'`);
      continue;
    }
    const reading = readTime(time, timeZone);
    if (!('instant' in reading)) {
      if ('early' in reading) report(`heading '## ${section.heading}' is ${tooEarly(reading.early)}`, EARLY_FIX);
      else report(`heading '## ${section.heading}' has an invalid time '${time}'`, TIME_FORMAT);
      continue;
    }
    const at = reading.instant;
    updates.push({ status, at, text: { [lang]: { html: renderMarkdown(section.body), markdown: section.body.trim() } }, line: section.line });
  }
  // Newest first; of two at the same time the one nearer the top of the file is newer.
  updates.sort((a, b) => b.at - a.at || a.line - b.line);
  return { summaryHtml: renderMarkdown(summary), updates, postmortem, postmortemLine };
}

/** Cuts the body at its level-2 headings; level-1 headings are reported. */
function splitSections(body: string, firstLine: number, file: string, problems: ContentProblem[]) {
  const sections: Section[] = [];
  let summary = '';
  let offset = 0;
  let current: Section | undefined;
  for (const token of lexMarkdown(body)) {
    const start = body.indexOf(token.raw, offset);
    offset = start >= 0 ? start + token.raw.length : offset + token.raw.length;
    const line = firstLine + countLines(body, Math.max(0, start));
    if (token.type === 'heading' && (token as Tokens.Heading).depth <= 2) {
      const heading = (token as Tokens.Heading).text.trim();
      if ((token as Tokens.Heading).depth === 1) {
        problems.push({
          file,
          line,
          message: `'# ${heading}' is a level-1 heading`,
          fix: `updates are level-2 headings, e.g. ${EXAMPLE}; the title goes in the front matter`,
        });
      }
      current = { heading, line, body: '', tokens: [], levelOne: (token as Tokens.Heading).depth === 1 };
      sections.push(current);
      continue;
    }
    if (current) {
      current.body += token.raw;
      current.tokens.push(token);
    } else {
      summary += token.raw;
    }
  }
  return { summary, sections };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

/** Task list items anywhere in the postmortem, in order: the follow-up actions. */
function followUps(tokens: readonly Token[]): FollowUp[] {
  const actions: FollowUp[] = [];
  const visit = (list: readonly Token[]) => {
    for (const token of list) {
      if (token.type === 'list') {
        for (const item of (token as Tokens.List).items) {
          if (item.task) {
            actions.push({ html: renderMarkdown(item.text.split('\n')[0]!).replace(/^<p>|<\/p>$/g, ''), done: item.checked === true });
          }
          visit(item.tokens);
        }
      } else if ('tokens' in token && Array.isArray(token.tokens)) {
        visit(token.tokens);
      }
    }
  };
  visit(tokens);
  return actions;
}
