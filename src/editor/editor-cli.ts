/**
 * What the editor commands share: reading the content folder, finding an
 * incident's file, and writing a change only when the whole folder still
 * passes every check with it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readContentFiles, resolveContent, type ContentFiles } from '../contract/load-content.ts';
import { formatProblem, sortProblems, suggestId } from '../contract/problems.ts';
import { incidentId } from '../contract/read-incident.ts';
import { parseTime, type Instant } from '../core/time.ts';
import type { Content } from '../core/types.ts';

/** A mistake in how a command was called: printed as is, exit code 1. */
export class UsageError extends Error {}

export interface Folder {
  dir: string;
  files: ContentFiles;
  content: Content;
}

/** Reads the content folder (`STATUS_CONTENT_DIR`, default `content`). */
export async function readFolder(): Promise<Folder> {
  const dir = process.env.STATUS_CONTENT_DIR || 'content';
  const files = await readContentFiles(dir);
  const { content } = resolveContent(files);
  return { dir, files, content };
}

/** Now, or `--at` read in the site's zone (for back-filling an update). */
export function nowOr(at: string | undefined, timeZone: string): Instant {
  if (at === undefined) return Date.now();
  const instant = parseTime(at, timeZone);
  if (instant === undefined) throw new UsageError(`--at '${at}' is not a time; write it as YYYY-MM-DD HH:mm`);
  return instant;
}

/** The file of incident `id`, by its path as the folder's messages show it. */
export function findIncident(folder: Folder, id: string): { path: string; text: string } {
  const file = folder.files.incidents.find((candidate) => incidentId(candidate.path) === id);
  if (!file) {
    const known = folder.files.incidents.map((candidate) => incidentId(candidate.path));
    throw new UsageError(`no incident '${id}' in ${folder.dir}/incidents; ${suggestId(id, known)}`);
  }
  return file;
}

/**
 * Writes `text` to `file` (a path as `findIncident` gives, or a new one) only
 * if the folder with that change has no problem in that file. Problems are
 * printed as `path:line: what; fix`, and nothing is written.
 */
export async function writeChecked(folder: Folder, file: string, text: string): Promise<void> {
  const others = folder.files.incidents.filter((candidate) => candidate.path !== file);
  const { problems } = resolveContent({ ...folder.files, incidents: [...others, { path: file, text }] });
  const own = sortProblems(problems.filter((problem) => problem.file === file));
  if (own.length > 0) throw new UsageError(`${own.map(formatProblem).join('\n')}\nnothing was written`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** Runs a command's main, printing usage errors plainly and exiting 1. */
export async function run(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && error.name === 'ParseArgsError') || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((error as Error).message);
      process.exit(1);
    }
    // A file the system would not let us write (read-only, a folder, a full disk): one line, no stack.
    const { code, path: file } = error as NodeJS.ErrnoException;
    if (typeof code === 'string' && typeof file === 'string') {
      const why = { EACCES: 'permission denied', EPERM: 'not permitted', EROFS: 'the file system is read-only', EISDIR: 'it is a folder', ENOSPC: 'the disk is full' }[code] ?? code;
      const fix = code === 'EACCES' || code === 'EPERM' ? 'make it writable (chmod u+w) or run the command as its owner' : 'fix that, then run the command again';
      console.error(`${file}: cannot be written (${why}); ${fix}`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Writes many new files at once: the folder is checked with all of them, and
 * only those with no problem are written. Returns the problems, per file.
 */
export async function writeAllChecked(folder: Folder, files: { path: string; text: string }[]): Promise<{ written: string[]; problems: string[] }> {
  const taken = new Set(folder.files.incidents.map((file) => incidentId(file.path)));
  const fresh = files.filter((file) => !taken.has(incidentId(file.path)));
  const { problems } = resolveContent({ ...folder.files, incidents: [...folder.files.incidents, ...fresh] });
  const failing = new Set(problems.map((problem) => problem.file));
  const written: string[] = [];
  for (const file of fresh.filter((candidate) => !failing.has(candidate.path))) {
    await mkdir(path.dirname(file.path), { recursive: true });
    await writeFile(file.path, file.text);
    written.push(file.path);
  }
  const skipped = files.filter((file) => taken.has(incidentId(file.path))).map((file) => `${file.path}: an incident with this id exists already; not written`);
  const own = sortProblems(problems.filter((problem) => fresh.some((file) => file.path === problem.file))).map(formatProblem);
  return { written, problems: [...skipped, ...own] };
}
