/**
 * What the incremental build tests need: a copy of the project to build in
 * (so these builds never share `.astro/` with another test's build or dev
 * server, and so a planted bug stays in the copy), a build of it, and a
 * comparison of two output folders file by file.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { filesUnder } from '../../src/site/files.ts';

/** The project these tests run in. */
export const PROJECT = path.resolve(import.meta.dirname, '../..');

/** What a copy of the project takes: everything a build reads but node_modules (linked) and content. */
const COPIED = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/**
 * Copies the project to a new folder (node_modules linked, not copied) and
 * applies `plant` to the text of files in it (path relative to the project):
 * each change must change its file, or the copy is refused.
 */
export function copyProject(plant: Record<string, (text: string) => string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'status-ledger-project-'));
  for (const name of COPIED) cpSync(path.join(PROJECT, name), path.join(root, name), { recursive: true });
  symlinkSync(path.join(PROJECT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  for (const [file, change] of Object.entries(plant)) {
    const target = path.join(root, file);
    const before = readFileSync(target, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`the plant in ${file} changed nothing: its code moved, update the test`);
    writeFileSync(target, after);
  }
  return root;
}

/** Where a build reads and writes. */
export interface BuildPlace {
  content: string;
  outDir: string;
  cacheDir: string;
}

/** A build's outcome: whether it passed, what it printed, which pages it rendered and how many it kept from the last build. */
export interface BuildRun {
  ok: boolean;
  output: string;
  rendered: string[];
  reused: number;
}

/** Builds the project at `root` as `npm run build` does, with now pinned to `epoch` (seconds) and `env` added. */
export function build(root: string, place: BuildPlace, epoch: number, env: Record<string, string> = {}): BuildRun {
  const result = spawnSync('npx', ['astro', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      STATUS_CONTENT_DIR: place.content,
      STATUS_OUT_DIR: place.outDir,
      STATUS_CACHE_DIR: place.cacheDir,
      SOURCE_DATE_EPOCH: String(epoch),
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  // Without colours: under CI=true Astro colours its log, and the lines below are read as text.
  const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
  // Astro's log: `├─ /path/index.html (+3ms)` for each page it renders; ours, at the end: `N pages kept from the last build`.
  const rendered = output
    .split('\n')
    .filter((line) => /[├└]─ \//.test(line))
    .map((line) => line.replace(/^.*?[├└]─ (\S+).*$/, '$1'));
  return { ok: result.status === 0, output, rendered, reused: Number(/(\d+) pages kept from the last build/.exec(output)?.[1] ?? 0) };
}

/** The first line where two texts differ, shortened, for a message. */
function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  const index = left.findIndex((line, at) => line !== right[at]);
  const line = index === -1 ? left.length : index;
  const cut = (text: string | undefined) => (text === undefined ? '(no line)' : text.length > 300 ? `${text.slice(0, 300)}…` : text);
  return `line ${line + 1}:\n      incremental: ${cut(left[line])}\n      clean:       ${cut(right[line])}`;
}

/**
 * How the output folder `incremental` differs from `clean`, file by file:
 * files only in one of them, and files whose bytes differ (with the first
 * line that does). Empty when they are the same.
 */
export function compareOutputs(incremental: string, clean: string): string[] {
  const ours = filesUnder(incremental);
  const theirs = new Set(filesUnder(clean));
  const differences: string[] = [];
  for (const file of ours) {
    if (!theirs.has(file)) {
      differences.push(`${file}: only in the incremental build`);
      continue;
    }
    theirs.delete(file);
    const a = readFileSync(path.join(incremental, file));
    const b = readFileSync(path.join(clean, file));
    if (!a.equals(b)) differences.push(`${file}: differs, ${firstDifference(a.toString('utf8'), b.toString('utf8'))}`);
  }
  for (const file of theirs) differences.push(`${file}: only in the clean build`);
  return differences;
}

/** The temporary folders a test file made: `removeTemporary` (its afterAll) removes them. */
const made: string[] = [];

/** Marks `dir` as the test file's to remove at the end; returns it. */
export function temporary(dir: string): string {
  made.push(dir);
  return dir;
}

/** A new temporary folder, removed at the end of the test file. */
export function tempDir(prefix: string): string {
  return temporary(mkdtempSync(path.join(tmpdir(), prefix)));
}

/** Removes every temporary folder made so far. */
export function removeTemporary(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** How `outDir` differs from a clean build of `content` at `now` in `root` (built into fresh folders, removed after). */
export function differencesFromClean(root: string, content: string, outDir: string, now: number): string[] {
  const clean: BuildPlace = { content, outDir: path.join(mkdtempSync(path.join(tmpdir(), 'status-ledger-clean-')), 'dist'), cacheDir: mkdtempSync(path.join(tmpdir(), 'status-ledger-clean-cache-')) };
  try {
    const run = build(root, clean, now);
    if (!run.ok) throw new Error(`the clean build failed:\n${run.output}`);
    return compareOutputs(outDir, clean.outDir);
  } finally {
    rmSync(path.dirname(clean.outDir), { recursive: true, force: true });
    rmSync(clean.cacheDir, { recursive: true, force: true });
  }
}
