import { describe, expect, it } from 'vitest';
import { helpText, parseCommand, usageError, type CommandSpec } from '../../src/editor/options.ts';

const SPEC = {
  name: 'demo',
  summary: 'shows how options are read',
  usage: ['<id> [--level LEVEL]'],
  options: {
    level: { type: 'string', value: 'LEVEL', help: 'a level' },
    services: { type: 'string', value: 'a,b', help: 'services' },
    notice: { type: 'boolean', help: 'a flag' },
    action: { type: 'string', multiple: true, value: '"…"', help: 'an action' },
    message: { type: 'string', value: '"…"', help: 'a message', perLanguage: true },
    title: { type: 'string', value: '"…"', help: 'the title in another language', perLanguage: 'only' },
  },
  examples: ['npm run demo -- x --level partial-outage'],
  notes: ['A note.'],
} as const satisfies CommandSpec;

describe('parseCommand', () => {
  it('reads options, flags, repeated options and positionals in order', () => {
    expect(parseCommand(SPEC, ['id', '--level', 'partial-outage', 'more words', '--notice', '--action', 'a', '--action=b'])).toEqual({
      values: { level: 'partial-outage', notice: true, action: ['a', 'b'] },
      positionals: ['id', 'more words'],
      languages: new Map(),
    });
  });

  it.each([['--help'], ['-h'], ['id', '--level', 'x', '--help']])('answers %j with help (undefined)', (...argv) => {
    expect(parseCommand(SPEC, argv)).toBeUndefined();
  });

  it.each([
    ['a misspelt option, with the one meant', ['--levle', 'x'], 'unknown option --levle; did you mean --level? (npm run demo -- --help shows every option, with examples)'],
    ['an option nothing is close to', ['--frobnicate'], 'unknown option --frobnicate (npm run demo -- --help shows every option, with examples)'],
    ['a name every object answers to', ['--constructor', 'x'], 'unknown option --constructor (npm run demo -- --help shows every option, with examples)'],
    ['a short letter', ['-x'], 'unknown option -x (npm run demo -- --help shows every option, with examples)'],
    ['a missing value at the end', ['id', '--level'], 'needs a value, e.g. --level LEVEL'],
    ['an option where the value should be', ['--level', '--notice'], '--level needs a value, e.g. --level LEVEL'],
    ['a value given to a flag', ['--notice=yes'], '--notice takes no value'],
    ['an option given twice', ['--level', 'a', '--level', 'b'], '--level is given twice; give it once'],
  ])('refuses %s in one line', (_, argv, message) => {
    expect(() => parseCommand(SPEC, argv)).toThrow(message);
  });

  it.each([['-5% errors'], ['- dash first'], ['-']])('reads %j as text, not as options', (word) => {
    expect(parseCommand(SPEC, ['id', word])!.positionals).toEqual(['id', word]);
  });

  it('reads everything after a second -- as text', () => {
    expect(parseCommand(SPEC, ['id', '--', '--level', 'x'])!.positionals).toEqual(['id', '--level', 'x']);
  });

  it('reads an option declared per language for any language tag, by language', () => {
    const parsed = parseCommand(SPEC, ['id', '--message', 'original', '--message-en', 'English', '--message-zh-cn', '中文'])!;
    expect(parsed.values.message).toBe('original');
    expect(parsed.languages).toEqual(new Map([['en', { message: 'English' }], ['zh-cn', { message: '中文' }]]));
    expect(() => parseCommand(SPEC, ['--level-en', 'x'])).toThrow('unknown option --level-en');
  });

  it('reads a language tag in any case as one language, so the same words twice are refused', () => {
    expect(parseCommand(SPEC, ['--message-ZH-cn', '中文', '--title-zh-CN', '标题'])!.languages).toEqual(new Map([['zh-cn', { message: '中文', title: '标题' }]]));
    expect(() => parseCommand(SPEC, ['--message-en', 'a', '--message-EN', 'b'])).toThrow('--message-en is given twice; give it once');
  });

  it('takes an option declared per language only with its language, and says so without one', () => {
    expect(parseCommand(SPEC, ['--title-en', 'Title'])!.languages).toEqual(new Map([['en', { title: 'Title' }]]));
    expect(() => parseCommand(SPEC, ['--title', 'Title'])).toThrow("--title is given per language: --title-<language>, e.g. --title-en, for one of site.yaml's languages (npm run demo -- --help");
  });
});

describe('helpText', () => {
  it('shows the summary, every usage, every option with its help, the examples and the notes', () => {
    const help = helpText(SPEC);
    expect(help.split('\n').slice(0, 4)).toEqual(['npm run demo: shows how options are read', '', 'usage:', '  npm run demo -- <id> [--level LEVEL]']);
    for (const line of ['  --level LEVEL  ', '  --notice  ', '(may be given more than once)', '  -h, --help  ', '  npm run demo -- x --level partial-outage', 'A note.']) expect(help).toContain(line);
  });

  it('shows an option taken per language as itself and as --<name>-<lang>, and one taken per language only once', () => {
    const lines = helpText(SPEC).split('\n');
    expect(lines.filter((line) => /^ {2}--(message|title)/.test(line)).map((line) => line.trim().replace(/\s{2,}/g, ' | '))).toEqual([
      '--message "…" | a message',
      "--message-<lang> \"…\" | a message, in another of site.yaml's languages (--message-en)",
      '--title-<lang> "…" | the title in another language',
    ]);
  });
});

describe('usageError', () => {
  it('says what is missing, the first usage and where the help is, in one line', () => {
    expect(usageError(SPEC, 'give an id').message).toBe('give an id; usage: npm run demo -- <id> [--level LEVEL]   (npm run demo -- --help shows every option, with examples)');
  });
});
