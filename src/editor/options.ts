/**
 * How every editor command reads its arguments and explains itself: one
 * table per command (its options, each with a line of help, its usage lines
 * and examples) gives both the parser and `--help`, so the two cannot
 * disagree. Node's parseArgs splits the arguments; the mistakes are said
 * here, in the commands' words (`unknown option --sevices; did you mean
 * --services?`), never as Node's parser message.
 *
 * An option may be taken per language (`perLanguage`): `--<name>-<lang>`
 * (`--title-en`, `--message-zh-CN`, the tag in any case) is then read as
 * that option for that language, and the command checks the language
 * against site.yaml. With `perLanguage: 'only'` the option is taken per
 * language alone (`--title-en`, where the first language's title is an
 * argument).
 */
import { parseArgs } from 'node:util';
import { closestKnown } from '../contract/problems.ts';
import { UsageError } from './editor-cli.ts';

/** One option of a command. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given more than once: every value is kept, in order. */
  multiple?: boolean;
  /** How its value is shown in the help: `a,b`, `"YYYY-MM-DD HH:mm"`. */
  value?: string;
  /** One line: what it does, its values and its default. */
  help: string;
  /** Also taken as `--<name>-<lang>` for each language of a site with several; `'only'`: taken that way alone (see the module's comment). */
  perLanguage?: boolean | 'only';
  /** The help of `--<name>-<lang>`, when it says more than `help`. */
  languageHelp?: string;
}

/** A command as its help shows it, and as its arguments are read. */
export interface CommandSpec<Options extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** `new`, as in `npm run new`. */
  name: string;
  /** One line: what the command does. */
  summary: string;
  /** The ways to call it, each after `npm run <name> -- `. */
  usage: readonly string[];
  options: Options;
  /** Whole command lines, each with an optional `# comment`. */
  examples: readonly string[];
  /** Paragraphs after the options: rules worth knowing before running it. */
  notes?: readonly string[];
}

/** The value an option gives: a string, every string of a `multiple` one, or whether a flag was given. */
type OptionValue<Spec extends OptionSpec> = Spec['type'] extends 'boolean' ? boolean : Spec['multiple'] extends true ? string[] : string;

/** What a command was given. */
export interface ParsedArguments<Options extends Record<string, OptionSpec>> {
  values: { [Name in keyof Options]?: OptionValue<Options[Name]> };
  positionals: string[];
  /** Per-language options by language tag in lowercase (`en`, `zh-cn`), then by option name. */
  languages: Map<string, Record<string, string>>;
}

/** A language tag as an option name ends with it: `en`, `zh-cn`, `pt-br`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** `npm run <name> -- --help` lists the options: the end of every usage mistake. */
function helpHint(spec: CommandSpec): string {
  return `npm run ${spec.name} -- --help shows every option, with examples`;
}

/**
 * Reads `argv` by `spec`. Returns `undefined` when help was asked for
 * (`--help` or `-h`); throws UsageError, one line, for an unknown option
 * (with the one meant, when close), a value missing or given to a flag, or
 * an option given twice that takes one value. An argument that starts with
 * `-` but is not option-like (`-5% errors`) is a positional; a second `--`
 * makes everything after it positional.
 */
export function parseCommand<Options extends Record<string, OptionSpec>>(spec: CommandSpec<Options>, argv: readonly string[]): ParsedArguments<Options> | undefined {
  const options: Record<string, { type: 'string' | 'boolean'; multiple: boolean }> = Object.fromEntries(
    Object.entries(spec.options)
      .filter(([, option]) => option.perLanguage !== 'only')
      .map(([name, option]) => [name, { type: option.type, multiple: option.multiple === true }]),
  );
  // Per-language names are declared as they are met, so that parseArgs takes their values.
  for (const arg of argv) {
    if (arg === '--') break;
    const name = /^--([^=]+)/.exec(arg)?.[1];
    const language = name === undefined || Object.hasOwn(options, name) ? undefined : perLanguage(spec, name);
    if (language) options[name!] = { type: spec.options[language.name]!.type, multiple: false };
  }
  const { tokens } = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean | string[]> = {};
  const positionals = new Map<number, string>();
  const languages = new Map<string, Record<string, string>>();
  const names = Object.keys(spec.options);
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.set(token.index, token.value);
    if (token.kind !== 'option') continue;
    const typed = argv[token.index]!;
    // A short option, or a group of them: only letters read as options (`-x`, `-abc`); `-5% errors` is text.
    if (!typed.startsWith('--') && !/^-[a-z]+$/i.test(typed)) {
      positionals.set(token.index, typed);
      continue;
    }
    if (token.name === 'help' && (typed === '--help' || typed === '-h')) return undefined;
    // Own names only: `--constructor` is no option, whatever every object answers to.
    const own = typed.startsWith('--') && Object.hasOwn(spec.options, token.name) ? spec.options[token.name] : undefined;
    if (own?.perLanguage === 'only') {
      throw new UsageError(`--${token.name} is given per language: --${token.name}-<language>, e.g. --${token.name}-en, for one of site.yaml's languages (${helpHint(spec)})`);
    }
    const option = own;
    const language = option || !typed.startsWith('--') ? undefined : perLanguage(spec, token.name);
    if (!option && !language) {
      const near = typed.startsWith('--') ? closestKnown(token.name, names) : undefined;
      const shown = typed.startsWith('--') ? token.rawName : typed;
      throw new UsageError(`unknown option ${shown}${near ? `; did you mean --${near}?` : ''} (${helpHint(spec)})`);
    }
    const type = (option ?? spec.options[language!.name]!).type;
    if (type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value (${helpHint(spec)})`);
      values[token.name] = true;
      continue;
    }
    const shown = (option ?? spec.options[language!.name]!).value ?? '…';
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
      throw new UsageError(`${token.rawName} needs a value, e.g. ${token.rawName} ${shown} (${helpHint(spec)})`);
    }
    if (language) {
      // `--title-en` and `--title-EN` name one language.
      const tag = language.tag.toLowerCase();
      const words = languages.get(tag) ?? {};
      if (words[language.name] !== undefined) throw new UsageError(`--${language.name}-${tag} is given twice; give it once`);
      languages.set(tag, { ...words, [language.name]: token.value });
      continue;
    }
    if (option!.multiple) {
      values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), token.value];
    } else {
      if (values[token.name] !== undefined) throw new UsageError(`${token.rawName} is given twice; give it once`);
      values[token.name] = token.value;
    }
  }
  const ordered = [...positionals].sort(([a], [b]) => a - b).map(([, value]) => value);
  return { values: values as ParsedArguments<Options>['values'], positionals: ordered, languages };
}

/** `title-en` as the per-language option `title` for `en`, when `title` is declared per language. */
function perLanguage(spec: CommandSpec, name: string): { name: string; tag: string } | undefined {
  for (const [base, option] of Object.entries(spec.options)) {
    if (!option.perLanguage || !name.startsWith(`${base}-`)) continue;
    const tag = name.slice(base.length + 1);
    if (LANGUAGE_TAG.test(tag)) return { name: base, tag };
  }
  return undefined;
}

/** A one-line usage mistake: the first way to call the command, and where the help is. */
export function usageError(spec: CommandSpec, problem?: string): UsageError {
  return new UsageError(`${problem ? `${problem}; ` : ''}usage: npm run ${spec.name} -- ${spec.usage[0]}   (${helpHint(spec)})`);
}

/** The help `--help` prints: what the command does, how to call it, every option, examples and notes. */
export function helpText(spec: CommandSpec): string {
  const flags = Object.entries(spec.options).flatMap(([name, option]) => {
    const value = option.type === 'string' ? ` ${option.value ?? '…'}` : '';
    const own = [`--${name}${value}`, `${option.help}${option.multiple ? ' (may be given more than once)' : ''}`];
    // An option taken per language only says so in its own help.
    if (option.perLanguage === 'only') return [[`--${name}-<lang>${value}`, option.languageHelp ?? option.help]];
    const languages = [`--${name}-<lang>${value}`, option.languageHelp ?? `${option.help}, in another of site.yaml's languages (--${name}-en)`];
    return option.perLanguage ? [own, languages] : [own];
  });
  flags.push(['-h, --help', 'show this help']);
  const width = Math.min(34, Math.max(...flags.map(([flag]) => flag!.length)));
  const lines = [
    `npm run ${spec.name}: ${spec.summary}`,
    '',
    'usage:',
    ...spec.usage.map((usage) => `  npm run ${spec.name} -- ${usage}`),
    '',
    'options:',
    ...flags.map(([flag, help]) => (flag!.length > width ? `  ${flag}\n  ${' '.repeat(width)}  ${help}` : `  ${flag!.padEnd(width)}  ${help}`)),
    '',
    'examples:',
    ...spec.examples.map((example) => `  ${example}`),
  ];
  for (const note of spec.notes ?? []) lines.push('', ...wrap(note, HELP_WIDTH));
  return lines.join('\n');
}

/** How wide the help's paragraphs are. */
const HELP_WIDTH = 100;

/** `text` in lines of at most `width` characters, broken at spaces (a longer word keeps its own line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}
