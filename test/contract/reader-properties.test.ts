/**
 * The content reader against arbitrary input: whatever bytes, YAML shapes or
 * strings a folder holds, it returns content or problems, each one line with
 * a file and a line, and never throws.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { TEXT_LIMITS } from '../../src/contract/fields.ts';
import { readContentFiles, resolveContent, type ContentFiles } from '../../src/contract/load-content.ts';
import { formatProblem, type ContentProblem } from '../../src/contract/problems.ts';
import { DESIGN_EXAMPLE, SERVICES_YAML, SITE_YAML, SLA_YAML, writeContentFolder } from '../builders.ts';

/** Now for the reads in these tests: after every time they write. */
const READ_NOW = Date.parse('2026-01-01T00:00:00Z');

/** Every problem names a file and a line, and prints as one line. */
function expectWellFormed(problems: readonly ContentProblem[]): void {
  for (const problem of problems) {
    expect(problem.file.length).toBeGreaterThan(0);
    expect(Number.isInteger(problem.line) && problem.line >= 1).toBe(true);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(formatProblem(problem)).not.toMatch(/[\n\r\u2028\u2029]/);
  }
}

/** Resolves `files` over the test folder's; must not throw. */
function resolve(files: Partial<ContentFiles>) {
  const result = resolveContent({ dir: 'content', site: SITE_YAML, services: SERVICES_YAML, sla: SLA_YAML, incidents: [], others: [], ...files }, READ_NOW);
  expectWellFormed(result.problems);
  return result;
}

const YAML_TOKENS = ['- ', ': ', '\n', '  ', '[', ']', '{', '}', ', ', '&a ', '*a', '&b ', '*b', '!!binary ', '!custom ', '? ', '|', '>-', '"', "'", '#', '---', '...', '%YAML 1.2\n', '<<: *a', '__proto__: ', 'title', 'id', 'name', 'tiers', 'affected', 'started', '2025-01-18 02:11', '0026-01-01 00:00', 'null', '~', '1e400', '-0', '0x1F', '.nan', '\t', '\r', '\u0000', '\u202e', '\ufeff'];
const MARKDOWN_TOKENS = ['## ', '# ', 'Investigating — 2025-01-18 02:20', 'Resolved - 2025-01-18 03:00', 'Postmortem', '> ', '- ', '1. ', '- [x] ', '```', '~~~', '    ', '<script>alert(1)</script>', '[a](javascript:x)', '![i](data:x)', '\n', '\r', '|', '---', '===', '***', '*', '_', '`', '[', ']', '(', ')', '<', '&', '\\', '\u2028', '\u200f', '\u0007', 'text'];

const tokens = (list: string[]) => fc.array(fc.oneof(fc.constantFrom(...list), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));
/** Nesting from one level to far past what any parser's stack holds. */
const depth = fc.integer({ min: 1, max: 6000 });
/** Anchors whose aliases multiply at every level: from harmless to a "billion laughs". */
const aliases = fc.integer({ min: 1, max: 12 }).map((levels) =>
  Array.from({ length: levels }, (_, level) => (level === 0 ? 'a0: &a0 [x, x, x, x, x, x, x, x]' : `a${level}: &a${level} [${Array(8).fill(`*a${level - 1}`).join(', ')}]`)).join('\n'),
);
const yamlText = fc.oneof(
  tokens(YAML_TOKENS),
  fc.anything({ maxDepth: 6 }).map((value) => stringify(value)),
  fc.string({ unit: 'binary' }),
  depth.map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  depth.map((n) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}`),
  aliases,
);
const markdown = fc.oneof(
  tokens(MARKDOWN_TOKENS),
  fc.string({ unit: 'binary' }),
  depth.map((n) => `${'> '.repeat(n)}deep`),
  fc.integer({ min: 1, max: 400 }).map((n) => Array.from({ length: n }, (_, level) => `${'  '.repeat(level)}- item`).join('\n')),
);
const fileName = fc.oneof(fc.constantFrom('2025-01-18-x.md', 'X.md', 'a b.md', '.md', 'ü.md'), fc.string({ minLength: 1, maxLength: 12 }).map((name) => `${name}.md`));

describe('the content reader, given anything', () => {
  it('returns problems for arbitrary YAML in site.yaml, services.yaml and sla.yaml, never throws', () => {
    fc.assert(
      fc.property(yamlText, yamlText, yamlText, (site, services, sla) => {
        resolve({ site });
        resolve({ services });
        resolve({ sla });
      }),
      { numRuns: 200 },
    );
  });

  it('returns problems for arbitrary front matter and Markdown in incident files, never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fileName, front: yamlText, body: markdown }), { maxLength: 3 }), (files) => {
        resolve({ incidents: files.map((file) => ({ path: `content/incidents/${file.name}`, text: `---\n${file.front}\n---\n${file.body}` })) });
      }),
      { numRuns: 200 },
    );
  });

  it('reads the example incident with any Markdown appended, and either keeps it or says why', () => {
    fc.assert(
      fc.property(markdown, (body) => {
        const { content, problems } = resolve({ incidents: [{ path: 'content/incidents/2025-01-18-x.md', text: `${DESIGN_EXAMPLE}\n${body}` }] });
        expect(problems.length > 0 || content.incidents.length === 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts a name only when it holds no control or bidi character and fits the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (name) => {
        const { content, problems } = resolve({ services: `- id: x\n  name: ${JSON.stringify(name)}\n` });
        const service = content.services.find((entry) => entry.id === 'x');
        if (service) {
          expect(service.name.en).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]/);
          expect([...service.name.en!].length).toBeLessThanOrEqual(TEXT_LIMITS.name);
        } else {
          expect(problems.some((problem) => problem.file === 'content/services.yaml')).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads folders of arbitrary bytes into problems, never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), async (site, services, incident) => {
        const dir = writeContentFolder({});
        writeFileSync(path.join(dir, 'site.yaml'), site);
        writeFileSync(path.join(dir, 'services.yaml'), services);
        mkdirSync(path.join(dir, 'incidents'));
        writeFileSync(path.join(dir, 'incidents', '2025-01-18-x.md'), incident);
        const { problems } = resolveContent(await readContentFiles(dir), READ_NOW);
        expectWellFormed(problems);
        expect(problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
