/**
 * What the editor commands share: the content folder they work in (its
 * catalogs, checked, and the set of incident ids from a walk of the file
 * names), "now", finding an incident's file, checking the one file a command
 * writes, and turning a command's outcome into output and an exit code.
 *
 * A command reads and checks only the file it writes, against site.yaml,
 * services.yaml, sla.yaml and the ids: that is all one file's rules need, and
 * it keeps a command near a bare process start whatever the history's size.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  displayPath,
  duplicateId,
  incidentPaths,
  readCatalogFiles,
  readContentFiles,
  resolveCatalogs,
  resolveContent,
  resolveIncident,
  type Catalogs,
  type ContentFiles,
} from '../contract/load-content.ts';
import { closestKnown, formatProblem, sortProblems, type ContentProblem } from '../contract/problems.ts';
import { incidentId } from '../contract/read-incident.ts';
import { parseTime, type Instant } from '../core/time.ts';
import type { Incident } from '../core/types.ts';
import { contentDir, EnvironmentError, nowFromEnvironment } from '../site/build-context.ts';
import { createFile, WriteRefused } from './file-lock.ts';
import { UnwritableText } from './line-text.ts';

/** A mistake in how a command was called, or a change it cannot make: printed as is, exit code 1. */
export class UsageError extends Error {}

/** The environment a command reads: `STATUS_CONTENT_DIR`, `SOURCE_DATE_EPOCH`. */
export type Environment = Record<string, string | undefined>;

/** What a command prints and how it exits. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The content folder as a command sees it. */
export interface Workspace {
  /** The folder as messages show it. */
  dir: string;
  /** The folder as the file system finds it. */
  root: string;
  catalogs: Catalogs;
  /** `SOURCE_DATE_EPOCH` or the clock: the check's now, and the time a command writes without `--at`. */
  now: Instant;
  /** Every incident file by id, from the file names alone. */
  ids: Map<string, string>;
}

/**
 * Opens the content folder (`STATUS_CONTENT_DIR`, default `content`): reads
 * and resolves its catalogs, and walks incidents/ for the ids. Refuses with
 * the catalogs' problems: a misspelt time zone would otherwise make a command
 * write times in UTC.
 */
export async function openWorkspace(env: Environment): Promise<Workspace> {
  const now = nowFromEnvironment(env);
  const root = path.resolve(contentDir(env));
  const [files, walked] = await Promise.all([readCatalogFiles(root), incidentPaths(root)]);
  const catalogs = usableCatalogs(files);
  const ids = new Map<string, string>();
  for (const file of walked) if (!ids.has(incidentId(file))) ids.set(incidentId(file), file);
  return { dir: files.dir, root, catalogs, now, ids };
}

/**
 * The catalogs of `files`, resolved; refused with their problems when they
 * have any, by every command that writes: a misspelt time zone falls back to
 * UTC, and the command would then read and write times in UTC.
 */
function usableCatalogs(files: Parameters<typeof resolveCatalogs>[0]): Catalogs {
  const catalogs = resolveCatalogs(files);
  if (catalogs.problems.length > 0) {
    throw new UsageError(`${sortProblems(catalogs.problems).map(formatProblem).join('\n')}\nfix these first; nothing was written`);
  }
  return catalogs;
}

/** A time option (`--at` by default; `--from`, `--started` …) read in the site's zone, or now when it was not given. */
export function timeOption(value: string | undefined, workspace: Workspace, flag = 'at'): Instant {
  if (value === undefined) return workspace.now;
  const instant = parseTime(value, workspace.catalogs.site.timeZone);
  if (instant === undefined) throw new UsageError(`--${flag} '${value}' is not a time; write it as YYYY-MM-DD HH:mm (in ${workspace.catalogs.site.timeZone})`);
  return instant;
}

/** The ids of incident files with no `resolved` in their front matter, newest name first: the likely targets in an outage. */
async function openIncidents(workspace: Workspace): Promise<string[]> {
  const open: string[] = [];
  for (const [id, file] of workspace.ids) {
    const text = await readFile(file, 'utf8').catch(() => '');
    const front = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(text)?.[1] ?? '';
    if (!/^resolved\s*:\s*\S/m.test(front)) open.push(id);
  }
  return open.sort().reverse();
}

/**
 * The file of incident `id`. An unknown id is refused with the id it was
 * likely meant to be (only when close) and the incidents still open.
 */
export async function findIncident(workspace: Workspace, id: string): Promise<string> {
  const file = workspace.ids.get(id);
  if (file) return file;
  const near = closestKnown(id, [...workspace.ids.keys()]);
  const open = await openIncidents(workspace);
  const shown = open.slice(0, 10).map((candidate) => `\n  ${candidate}`).join('') + (open.length > 10 ? `\n  … and ${open.length - 10} more` : '');
  throw new UsageError(
    `no incident '${id}' in ${workspace.dir}/incidents${near ? `; did you mean '${near}'?` : ''}` +
      (open.length > 0 ? `\nopen incidents:${shown}` : '\nno incident is open'),
  );
}

/**
 * Checks the text `file` would have against the catalogs, the other ids and
 * now, as the build would. Returns the incident, or throws UsageError with
 * every problem (`path:line: what; fix`) and that nothing was written.
 */
export function checkIncident(workspace: Workspace, file: string, text: string): Incident {
  const shown = displayPath(file);
  const { incident, problems } = resolveIncident({ path: shown, text }, workspace.catalogs, workspace.now);
  const id = incidentId(file);
  const other = workspace.ids.get(id);
  const all: ContentProblem[] = other !== undefined && other !== file ? [...problems, duplicateId(shown, id, displayPath(other))] : problems;
  if (all.length > 0 || !incident) throw new UsageError(`${sortProblems(all).map(formatProblem).join('\n')}\nnothing was written`);
  return incident;
}

/**
 * Runs a command to its result: a UsageError, a bad environment
 * (`SOURCE_DATE_EPOCH`), a refused write, text that cannot be written or a
 * file system error become one line and exit code 1; anything else is a bug
 * and keeps its stack.
 */
export async function commandResult(action: () => Promise<string>): Promise<CommandResult> {
  try {
    return { code: 0, stdout: `${await action()}\n`, stderr: '' };
  } catch (error) {
    const message = oneLine(error);
    if (message === undefined) throw error;
    return { code: 1, stdout: '', stderr: `${message}\n` };
  }
}

/** The message an editor sees for an expected failure, or `undefined` for a bug. */
function oneLine(error: unknown): string | undefined {
  if (error instanceof UsageError || error instanceof EnvironmentError || error instanceof WriteRefused) return error.message;
  if (error instanceof UnwritableText) return `${error.message}; nothing was written`;
  if (error instanceof Error && ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') || error.name === 'ParseArgsError')) return error.message;
  const system = error as NodeJS.ErrnoException;
  if (system instanceof Error && typeof system.code === 'string' && system.syscall) {
    const what = system.code === 'EACCES' || system.code === 'EPERM' ? 'permission denied' : system.code === 'EROFS' ? 'the file system is read-only' : system.code === 'ENOSPC' ? 'the disk is full' : system.code;
    return `cannot ${system.syscall} ${system.path ? displayPath(system.path) : 'a file'}: ${what}; nothing was written`;
  }
  return undefined;
}

/** Runs a command from a script: prints its output and sets the exit code. */
export async function runCommand(command: (argv: string[], env: Environment) => Promise<CommandResult>): Promise<void> {
  const result = await command(process.argv.slice(2), process.env);
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

// What `npm run import` uses: the whole folder, read at once.

export interface Folder {
  files: ContentFiles;
  /** The folder's catalogs, free of problems. */
  catalogs: Catalogs;
  now: Instant;
}

/**
 * Reads the whole content folder (`STATUS_CONTENT_DIR`, default `content`)
 * as of now, refusing with the catalogs' problems as openWorkspace does.
 */
export async function readFolder(env: Environment = process.env): Promise<Folder> {
  const now = nowFromEnvironment(env);
  const files = await readContentFiles(contentDir(env));
  return { files, catalogs: usableCatalogs(files), now };
}

/** Runs a command's main, printing usage errors plainly and exiting 1. */
export async function run(main: () => Promise<void>): Promise<void> {
  const result = await commandResult(async () => {
    await main();
    return '';
  });
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

/** How many files an import writes at a time. */
const WRITE_CONCURRENCY = 16;

/** `task` run on every item, at most `limit` at a time; the results in the items' order. */
async function eachLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Writes many new files at once: the folder is checked with all of them, and
 * only those with no problem are written, each created in one step and never
 * over an existing file. Returns the problems, per file.
 */
export async function writeAllChecked(folder: Folder, files: { path: string; text: string }[]): Promise<{ written: string[]; problems: string[] }> {
  const taken = new Set(folder.files.incidents.map((file) => incidentId(file.path)));
  const fresh = files.filter((file) => !taken.has(incidentId(file.path)));
  const { problems } = resolveContent({ ...folder.files, incidents: [...folder.files.incidents, ...fresh] }, folder.now);
  const failing = new Set(problems.map((problem) => problem.file));
  const written: string[] = [];
  const skipped = files.filter((file) => taken.has(incidentId(file.path))).map((file) => `${file.path}: an incident with this id exists already; not written`);
  const passing = fresh.filter((candidate) => !failing.has(candidate.path));
  // Each file is synced to disk before it is linked in: a few at a time, not one by one (16,000 took minutes).
  const created = await eachLimited(passing, WRITE_CONCURRENCY, (file) => createFile(file.path, file.text));
  passing.forEach((file, index) => {
    if (created[index]) written.push(file.path);
    else skipped.push(`${file.path}: an incident with this id exists already; not written`);
  });
  const freshPaths = new Set(fresh.map((file) => file.path));
  const own = sortProblems(problems.filter((problem) => freshPaths.has(problem.file))).map(formatProblem);
  return { written, problems: [...skipped, ...own] };
}
