/**
 * The documents agree with the commands' `--help`: both come from the same
 * table per command (its CommandSpec), and these tests hold the documents to
 * it. Every command is in the index of commands (docs/README.md), and every
 * option of a command is explained in the document for that command.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_SPEC, NEW_SPEC, POSTMORTEM_SPEC, RESOLVE_SPEC, UPDATE_SPEC } from '../../src/editor/commands.ts';
import { CORRECT_SPEC } from '../../src/editor/correct.ts';
import { IMPORT_SPEC } from '../../src/editor/importers.ts';
import { INIT_SPEC } from '../../src/editor/init.ts';
import type { CommandSpec } from '../../src/editor/options.ts';
import { TRANSLATE_SPEC } from '../../src/editor/translate.ts';
import { NOTIFY_SPEC } from '../../src/notify/run.ts';
import { codeSpans, readSections, sectionAt, tableRows } from './markdown.ts';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

/** Each command, and the document that explains its options. */
const COMMANDS: [CommandSpec, string][] = [
  [INIT_SPEC, 'docs/writing.md'],
  [NEW_SPEC, 'docs/writing.md'],
  [UPDATE_SPEC, 'docs/writing.md'],
  [RESOLVE_SPEC, 'docs/writing.md'],
  [POSTMORTEM_SPEC, 'docs/writing.md'],
  [CORRECT_SPEC, 'docs/writing.md'],
  [CHECK_SPEC, 'docs/writing.md'],
  [TRANSLATE_SPEC, 'docs/languages.md'],
  [IMPORT_SPEC, 'docs/import.md'],
  [NOTIFY_SPEC, 'docs/notify.md'],
];

/** The options a command's help lists, as they are typed: `--level`, `--title-<lang>`. */
function typedOptions(spec: CommandSpec): string[] {
  return Object.entries(spec.options).flatMap(([name, option]) => {
    if (option.perLanguage === 'only') return [`--${name}-<lang>`];
    return option.perLanguage ? [`--${name}`, `--${name}-<lang>`] : [`--${name}`];
  });
}

describe("the documents and the commands' --help", () => {
  it.each(COMMANDS.map(([spec, doc]) => [spec.name, doc, spec] as const))('npm run %s: every option of its --help is explained in %s', (_name, doc, spec) => {
    const text = read(doc);
    expect(typedOptions(spec).filter((option) => !text.includes(`\`${option}`))).toEqual([]);
  });

  it('lists every command in the index of commands, docs/README.md', () => {
    const listed = tableRows(sectionAt(readSections('docs/README.md'), 'Commands').tokens).flatMap((row) => codeSpans(row[0] ?? '').concat(row[0] ?? ''));
    for (const [spec] of COMMANDS) expect(listed.some((cell) => cell.includes(`npm run ${spec.name}`) || cell.includes(`\`${spec.name}\``)), spec.name).toBe(true);
  });
});
