/**
 * `npm run bench -- --publish [size]`: the workflow's critical path for a
 * content-only push (.github/workflows/status-site.yml, job `publish`),
 * reproduced on this machine and timed step by step.
 *
 * Setup (not timed): a clone of this project's HEAD with the sample content,
 * or `size` generated incidents, committed as the published commit; one
 * install and one build, as the last publish left them; the build cache
 * folder saved as the workflow's cache would hold it. Then the push: one
 * update to an open incident, committed.
 *
 * Each run then starts as a fresh runner does (no node_modules, no dist/)
 * and times what the workflow runs before its artifact is uploaded: the
 * install (`npm ci` from the warm npm cache, as setup-node restores it),
 * restoring the build cache (a tar archive of it, as actions/cache keeps
 * it), the content check against the published commit (`check --since`),
 * the build with the cache, and the artifact (the commit written into the
 * site, the site in a tar archive, as upload-pages-artifact makes it).
 * Deploying and notifying come after the artifact, on GitHub's side.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateContent } from './generate-content.ts';

/** One timed step: wall time, and CPU time (user and system, the step's processes) where /usr/bin/time can tell. */
interface Step {
  seconds: number;
  cpuSeconds: number | undefined;
}

const TIME = '/usr/bin/time';

/** Runs `command` in `cwd` with `env` added; throws with its output when it fails. */
function run(cwd: string, command: string[], env: Record<string, string> = {}): Step & { stdout: string } {
  const timed = existsSync(TIME) ? [TIME, '-f', '@@time %e %U %S', ...command] : command;
  const started = performance.now();
  const result = spawnSync(timed[0]!, timed.slice(1), { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  const line = /@@time (\S+) (\S+) (\S+)/.exec(result.stderr);
  return { seconds, cpuSeconds: line ? Number(line[2]) + Number(line[3]) : undefined, stdout: result.stdout };
}

function git(cwd: string, ...args: string[]): string {
  return run(cwd, ['git', ...args]).stdout.trim();
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Measures the publish path of `project`'s HEAD, `runs` times (the median), on its sample content or `size` generated incidents. */
export async function publishPath(project: string, options: { size?: number; runs: number }): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'status-ledger-publish-'));
  const repo = path.join(work, 'repo');
  const cache = path.join(work, 'cache');
  const cacheArchive = path.join(work, 'cache.tar');
  git(work, 'clone', '--quiet', project, repo);
  git(repo, 'config', 'user.email', 'bench@example.com');
  git(repo, 'config', 'user.name', 'bench');
  // The editor command below needs the packages; the timed runs install afresh.
  run(repo, ['npm', 'ci', '--no-audit', '--no-fund', '--prefer-offline']);
  let now = Math.floor(Date.now() / 1000);
  if (options.size) {
    rmSync(path.join(repo, 'content'), { recursive: true, force: true });
    now = generateContent(path.join(repo, 'content'), options.size).now;
  }
  const env = () => ({ SOURCE_DATE_EPOCH: String(now), STATUS_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' });
  console.error(`publish path: ${options.size ? `${options.size} generated incidents` : 'the sample content'} in ${repo}`);

  // The published state: an open incident, built once, the build cache kept.
  const service = /^- id: (\S+)/m.exec(readFileSync(path.join(repo, 'content', 'services.yaml'), 'utf8'))![1]!;
  const opened = run(repo, ['npm', 'run', '--silent', 'new', '--', 'Bench outage', '--services', service, '--level', 'partial-outage'], env());
  const id = path.basename(opened.stdout.trim().replace(/^wrote /, ''), '.md');
  git(repo, 'add', '-A');
  git(repo, 'commit', '--quiet', '-m', 'published');
  const published = git(repo, 'rev-parse', 'HEAD');
  run(repo, ['npm', 'run', 'build'], env());
  run(work, ['tar', '-cf', cacheArchive, '-C', cache, '.']);
  console.error(`  published ${published.slice(0, 8)}; build cache ${(Number(run(work, ['du', '-sm', cache]).stdout.split('\t')[0]) || 0)} MB`);

  // The push: one update, a few minutes later.
  now += 5 * 60;
  run(repo, ['npm', 'run', '--silent', 'update', '--', id, 'identified', 'A bad deploy; rolling it back.'], env());
  git(repo, 'commit', '--quiet', '-am', 'update');

  const steps: Record<string, Step[]> = { install: [], 'restore cache': [], 'check --since': [], build: [], artifact: [] };
  for (let attempt = 1; attempt <= options.runs; attempt++) {
    rmSync(path.join(repo, 'node_modules'), { recursive: true, force: true });
    rmSync(path.join(repo, 'dist'), { recursive: true, force: true });
    rmSync(path.join(repo, '.astro'), { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache);
    steps.install!.push(run(repo, ['npm', 'ci', '--no-audit', '--no-fund', '--prefer-offline']));
    steps['restore cache']!.push(run(work, ['tar', '-xf', cacheArchive, '-C', cache]));
    steps['check --since']!.push(run(repo, ['npm', 'run', '--silent', 'check', '--', '--since', published], env()));
    steps.build!.push(run(repo, ['npm', 'run', 'build'], env()));
    writeFileSync(path.join(repo, 'dist', 'published-commit.txt'), `${git(repo, 'rev-parse', 'HEAD')}\n`);
    steps.artifact!.push(run(work, ['tar', '-cf', path.join(work, 'artifact.tar'), '-C', path.join(repo, 'dist'), '.']));
    const total = Object.values(steps).reduce((sum, list) => sum + list.at(-1)!.seconds, 0);
    console.error(`  run ${attempt}: ${Object.entries(steps).map(([name, list]) => `${name} ${list.at(-1)!.seconds.toFixed(1)} s`).join(', ')}; ${total.toFixed(1)} s`);
  }

  const cell = (list: Step[]) => {
    const cpu = list.every((step) => step.cpuSeconds !== undefined) ? ` (CPU ${median(list.map((step) => step.cpuSeconds!)).toFixed(1)} s)` : '';
    return `${median(list.map((step) => step.seconds)).toFixed(1)} s${cpu}`;
  };
  const totals = Array.from({ length: options.runs }, (_, index) => Object.values(steps).reduce((sum, list) => sum + list[index]!.seconds, 0));
  console.log(`| content | ${Object.keys(steps).join(' | ')} | push to artifact |`);
  console.log(`| --- | ${Object.keys(steps).map(() => '---').join(' | ')} | --- |`);
  console.log(`| ${options.size ? `${options.size.toLocaleString('en')} incidents` : 'sample'} | ${Object.values(steps).map(cell).join(' | ')} | ${median(totals).toFixed(1)} s |`);
  rmSync(work, { recursive: true, force: true });
}
