/**
 * The published version of a content folder, read from git: which incident
 * files differ from a revision (the working tree against it, so an edit is
 * judged before it is committed), and those files as they were then, read
 * against that revision's catalogs; and `npm run check -- --since`, which
 * judges them (src/contract/corrections.ts). git runs as a child process
 * with an argument list, never through a shell.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { correctionProblems, type CurrentIncident, type PublishedIncident } from '../contract/corrections.ts';
import { decodeUtf8, displayPath, resolveCatalogs, resolveIncident, type Catalogs, type ContentFiles } from '../contract/load-content.ts';
import type { ContentProblem } from '../contract/problems.ts';
import { incidentId } from '../contract/read-incident.ts';
import { translationName } from '../contract/read-translation.ts';
import { formatWallTime, type Instant } from '../core/time.ts';
import type { Content } from '../core/types.ts';
import { UsageError } from './editor-cli.ts';

/** What git printed on its standard output, or why it failed. */
interface GitRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs `git` with `args` in `cwd`, feeding `input` on standard input. */
function runGit(args: readonly string[], cwd: string, input?: string): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new UsageError('--since needs git, which is not installed (or not on PATH); install git, or check without --since') : error);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr }));
    if (child.stdin) {
      // git may stop reading early (a failure it reports on its own): a closed pipe is not another error.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}

/** git's first line of complaint, for a one-line message. */
function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.replace(/^fatal:\s*/, '') ?? '';
}

/**
 * Checks that `revision` names a commit of the repository holding `dir`.
 * Throws a one-line UsageError when `dir` is not in a git repository, or
 * the revision is not a commit there (not fetched, or misspelt).
 */
async function verifyRevision(dir: string, revision: string): Promise<void> {
  if (revision.trim() === '' || revision.startsWith('-')) {
    throw new UsageError(`--since '${revision}' is not a git revision; give a commit, branch or tag, e.g. --since origin/main`);
  }
  const inside = await runGit(['rev-parse', '--is-inside-work-tree'], dir);
  if (inside.code !== 0 || inside.stdout.toString('utf8').trim() !== 'true') {
    throw new UsageError(`${displayPath(dir)} is not in a git repository (${firstLine(inside.stderr) || 'no work tree'}); --since compares the content with a git revision`);
  }
  const commit = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], dir);
  if (commit.code !== 0) {
    throw new UsageError(`--since '${revision}' is not a commit in this repository; fetch it first (git fetch origin ${revision}), or check the name`);
  }
}

/**
 * The incident files (`incidents/…/*.md`, relative to `dir`) that existed at
 * `revision` and differ in the working tree now: changed or deleted,
 * committed or not. Dotfiles (locks, temporary files) are left out, as the
 * build leaves them out, and so are translations (`<id>.<lang>.md`): they
 * hold only words, so no figure rests on them.
 */
async function changedIncidentFiles(dir: string, revision: string): Promise<string[]> {
  const diff = await runGit(['diff', '--name-status', '--no-renames', '-z', '--relative', revision, '--', 'incidents'], dir);
  if (diff.code !== 0) throw new UsageError(`git diff against '${revision}' failed: ${firstLine(diff.stderr)}`);
  const fields = diff.stdout.toString('utf8').split('\0');
  const files: string[] = [];
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const status = fields[index]!;
    const file = fields[index + 1]!;
    // Added files were not published; every other status (modified, deleted, type changed) had a version then.
    if (status.startsWith('A') || !file.toLowerCase().endsWith('.md') || file.includes('\n')) continue;
    if (file.split('/').some((part) => part.startsWith('.')) || translationName(file)) continue;
    files.push(file);
  }
  return files;
}

/**
 * The texts of `files` (relative to `dir`) at `revision`, in one `git
 * cat-file --batch`: `undefined` for a file that was not there or is not
 * UTF-8 text.
 */
async function filesAt(dir: string, revision: string, files: readonly string[]): Promise<(string | undefined)[]> {
  if (files.length === 0) return [];
  const run = await runGit(['cat-file', '--batch'], dir, files.map((file) => `${revision}:./${file}\n`).join(''));
  if (run.code !== 0) throw new UsageError(`git cat-file failed: ${firstLine(run.stderr)}`);
  const out = run.stdout;
  const texts: (string | undefined)[] = [];
  let offset = 0;
  for (let index = 0; index < files.length; index++) {
    const end = out.indexOf(0x0a, offset);
    if (end === -1) break;
    const header = out.subarray(offset, end).toString('utf8');
    offset = end + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      texts.push(undefined);
      continue;
    }
    const size = Number(match[2]);
    const body = out.subarray(offset, offset + size);
    offset += size + 1;
    const decoded = match[1] === 'blob' ? decodeUtf8(body) : undefined;
    texts.push(decoded && 'text' in decoded ? decoded.text : undefined);
  }
  return texts;
}

/** What the published versions are read as. */
export interface PublishedVersions {
  /** The changed incident files as they were at the revision, each that read without problems. */
  incidents: PublishedIncident[];
  /** How many incident files differ from the revision. */
  changed: number;
}

/**
 * The incident files of the content folder `dir` that differ from
 * `revision` (changed, deleted or renamed away since, in the working tree),
 * as they were then: read against that revision's site.yaml and
 * services.yaml (so a time without an offset means what it meant then; the
 * current catalogs stand in where the revision's do not read), as of `now`.
 * A version that did not read then was never published, and is left out.
 */
export async function publishedVersions(dir: string, revision: string, now: Instant, current: Catalogs): Promise<PublishedVersions> {
  const root = path.resolve(dir);
  await verifyRevision(root, revision);
  const files = await changedIncidentFiles(root, revision);
  const [site, services, sla, ...texts] = await filesAt(root, revision, ['site.yaml', 'services.yaml', 'sla.yaml', ...files]);
  const then = resolveCatalogs({ dir: displayPath(root), site, services, sla });
  const catalogs = site !== undefined && services !== undefined && then.problems.length === 0 ? then : current;
  const incidents: PublishedIncident[] = [];
  files.forEach((file, index) => {
    const text = texts[index];
    if (text === undefined) return;
    const shown = displayPath(path.join(root, file));
    const { incident } = resolveIncident({ path: shown, text }, catalogs, now);
    if (incident) incidents.push({ path: shown, incident });
  });
  return { incidents, changed: files.length };
}

/** What `npm run check -- --since` found. */
export interface SinceCheck {
  problems: ContentProblem[];
  /** How many incident files differ from the revision. */
  changed: number;
}

/**
 * `npm run check -- --since <revision>`: every incident file of the content
 * folder `dir` that differs from `revision` (in the working tree, committed
 * or not) is judged against its version then (correctionProblems): a
 * resolved incident's figures changed without a new Correction, a Correction
 * removed, or the incident gone. `files` and `content` are the folder as the
 * check read it.
 */
export async function sinceCheck(dir: string, revision: string, files: ContentFiles, content: Content, now: Instant): Promise<SinceCheck> {
  const { site, services, policies } = content;
  const published = await publishedVersions(dir, revision, now, { site, services, policies, problems: [] });
  const byPath = new Map(content.incidents.map((incident) => [incident.path, incident]));
  const current = new Map<string, CurrentIncident>();
  for (const file of files.incidents) {
    if (translationName(file.path)) continue;
    const id = incidentId(file.path);
    if (!current.has(id)) current.set(id, { path: file.path, text: file.text, incident: byPath.get(file.path) });
  }
  const time = (instant: Instant) => formatWallTime(instant, content.site.timeZone, { offset: true });
  return { problems: correctionProblems(published.incidents, current, revision, time), changed: published.changed };
}
