/**
 * The interface's words on a built page, for checking that a page speaks
 * only its own language: everything an editor wrote (names, titles, codes)
 * and everything marked as written in another language is left out.
 */
import type { HTMLElement } from 'node-html-parser';
import { resolveContent } from '../../src/contract/load-content.ts';
import type { Content } from '../../src/core/types.ts';

/** A build fixture's files (`site.yaml`, `incidents/…`) resolved as the build resolves them, as of `now` (ms). */
export function fixtureContent(files: Record<string, string>, now: number): Content {
  const { content } = resolveContent(
    {
      dir: 'content',
      site: files['site.yaml'],
      services: files['services.yaml'],
      sla: files['sla.yaml'],
      incidents: Object.entries(files)
        .filter(([file]) => file.startsWith('incidents/'))
        .map(([file, text]) => ({ path: `content/${file}`, text })),
      others: [],
    },
    now,
  );
  return content;
}

/** Names, titles and codes an editor wrote, in any language, longest first: left out of the interface's words. */
export function writtenTexts(content: Content): string[] {
  return [
    ...Object.values(content.site.title),
    ...Object.values(content.site.description),
    ...content.site.support.flatMap((contact) => Object.values(contact.label)),
    ...content.services.flatMap((service) => [service.name, service.group, service.description].flatMap((text) => Object.values(text))),
    ...content.policies.flatMap((policy) => [policy.name, ...policy.tiers.map((tier) => tier.name)].flatMap((text) => Object.values(text))),
    ...content.incidents.flatMap((incident) => Object.values(incident.title)),
    content.site.timeZone,
    ...content.policies.map((policy) => policy.timeZone),
    // A currency is a code the editor sets (CNY), the same in every language.
    content.site.currency ?? '',
  ]
    .filter((text) => text !== '')
    .sort((a, b) => b.length - a.length);
}

/**
 * The interface's words on a page: its text nodes and read attributes,
 * without what is marked as written in another language (`lang`), the
 * editor's Markdown (`.prose`) and `written` (names, titles), and times
 * (figures).
 */
export function interfaceText(page: HTMLElement, written: readonly string[]): string {
  const lang = page.querySelector('html')!.getAttribute('lang');
  const texts: string[] = [];
  const walk = (node: HTMLElement) => {
    for (const child of node.childNodes) {
      const element = child as HTMLElement;
      if (child.nodeType === 3) texts.push(child.textContent);
      else if (['script', 'style', 'time'].includes(element.tagName?.toLowerCase())) continue;
      else if (element.classList?.contains('prose') || (element.getAttribute('lang') && element.getAttribute('lang') !== lang)) continue;
      else {
        for (const name of ['data-label', 'aria-label', 'placeholder', 'title', 'alt']) texts.push(element.getAttribute(name) ?? '');
        walk(element);
      }
    }
  };
  walk(page.querySelector('body')!);
  let text = texts.join(' ');
  for (const name of written) text = text.split(name).join(' ');
  return text;
}

/** Words every language keeps: names of formats and standards. */
export const SAME_EVERYWHERE = new Set(['SLA', 'API', 'JSON', 'RSS', 'CSV', 'Atom', 'iCalendar']);

/** Latin words in a Chinese page's interface text, but the ones every language keeps. */
export function latinWords(text: string): string[] {
  return (text.match(/[A-Za-z][A-Za-z’']*/g) ?? []).filter((word) => !SAME_EVERYWHERE.has(word));
}

/** Chinese characters and punctuation in an English page's interface text. */
export function chineseWords(text: string): string[] {
  return text.match(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/g) ?? [];
}
