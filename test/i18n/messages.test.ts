import { describe, expect, it } from 'vitest';
import { LOCALES, MESSAGES } from '../../src/i18n/messages.ts';

/** Every leaf of the catalog, as [path, value] pairs. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  return [[path, value]];
}

/** A message's text: strings as they are, functions called with sample arguments of their arity. */
function sample(value: unknown): string {
  if (typeof value === 'function') return String(value(...Array.from({ length: value.length }, (_, index) => (index % 2 ? 3 : 'X'))));
  return String(value);
}

const english = new Map(leaves(MESSAGES.en));
/** Texts that are the same in every language. */
const SAME_EVERYWHERE = new Set(['layout.api']);
/** Texts that are white space, or nothing, on purpose: what stands between two sentences. */
const BLANK = new Set(['gap']);

describe('the message catalog', () => {
  it.each(LOCALES)('%s has every message, none empty', (locale) => {
    const messages = new Map(leaves(MESSAGES[locale]));
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, value] of messages) {
      expect(typeof value, path).toBe(typeof english.get(path));
      if (!BLANK.has(path)) expect(sample(value).trim(), path).not.toBe('');
    }
  });

  it('translates every interface string into Simplified Chinese', () => {
    const chinese = new Map(leaves(MESSAGES['zh-CN']));
    const untranslated = [...english]
      .filter(([path]) => !['lang', 'intl'].includes(path) && !SAME_EVERYWHERE.has(path))
      .filter(([path, value]) => sample(value) === sample(chinese.get(path)))
      .map(([path]) => path);
    expect(untranslated).toEqual([]);
  });
});
