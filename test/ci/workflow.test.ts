/**
 * The shipped workflow (.github/workflows/status-site.yml) wires the
 * corrections check in where it must run: pull requests against their base,
 * every publish against the commit the live site was built from. And its
 * publish path is short: one install, the build cache restored, the type
 * check only when code changed since the published commit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cacheDir } from '../../src/site/build-context.ts';

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
const workflow = parse(readFileSync(path.join(import.meta.dirname, '..', '..', '.github', 'workflows', 'status-site.yml'), 'utf8')) as {
  env: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};
const { check, publish } = workflow.jobs as { check: { if: string; steps: Step[] }; publish: { needs?: unknown; steps: Step[] } };
const index = (steps: Step[], test: (step: Step) => boolean) => steps.findIndex(test);

describe('the shipped workflow', () => {
  it('names the content folder in one place, a repository variable defaulting to content, and never spells content/ itself', () => {
    expect(workflow.env.STATUS_CONTENT_DIR).toBe("${{ vars.STATUS_CONTENT_DIR || 'content' }}");
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run ?? ''));
    expect(runs.filter((run) => /\bcontent\//.test(run))).toEqual([]);
  });

  it('hands notify every secret at once, so a new channel needs a secret and no change to the workflow', () => {
    const notify = Object.values(workflow.jobs).flatMap((job) => job.steps).find((step) => step.run?.startsWith('npm run notify'))!;
    expect(notify.env).toEqual({ STATUS_SECRETS: '${{ toJSON(secrets) }}' });
  });

  it('checks a pull request against its base, fetched first, so no published figure changes without its Correction', () => {
    const step = check.steps.find((candidate) => candidate.run?.includes('--since'))!;
    expect(check.if).toBe("github.event_name == 'pull_request'");
    expect(step.env).toEqual({ BASE: '${{ github.event.pull_request.base.sha }}' });
    expect(step.run).toContain('git fetch --no-tags --depth=1 origin "$BASE"');
    expect(step.run).toContain('npm run check -- --since "$BASE"');
  });

  it('checks every publish against the commit the live site was built from, before it builds, and records the new one in the site', () => {
    const compare = index(publish.steps, (step) => step.run?.includes('npm run check -- --since "$published"') ?? false);
    const build = index(publish.steps, (step) => step.run === 'npm run build');
    const record = index(publish.steps, (step) => step.run?.includes('> dist/published-commit.txt') ?? false);
    const upload = index(publish.steps, (step) => step.uses?.startsWith('actions/upload-pages-artifact') ?? false);
    expect(compare).toBeGreaterThan(-1);
    expect([compare < build, build < record, record < upload]).toEqual([true, true, true]);
    const script = publish.steps[compare]!.run!;
    expect(script).toContain('"$SITE_URL/published-commit.txt"');
    // A first deploy has nothing to compare; any other failure publishes nothing ('the compare step, run').
  });

  it('publishes in one job with one install, the build cache restored after it and before the build', () => {
    expect(publish.needs).toBeUndefined();
    expect(publish.steps.filter((step) => step.run === 'npm ci')).toHaveLength(1);
    const install = index(publish.steps, (step) => step.run === 'npm ci');
    const restore = index(publish.steps, (step) => step.uses?.startsWith('actions/cache@') ?? false);
    const build = index(publish.steps, (step) => step.run === 'npm run build');
    // npm ci empties node_modules, where the cache lives by default: restored after it.
    expect([install < restore, restore < build]).toEqual([true, true]);
    const cache = publish.steps[restore] as Step & { with: { path: string; key: string; 'restore-keys': string } };
    expect(cache.with.path).toBe(cacheDir({}));
    // A new key every run, so each successful publish saves its cache; the newest one with the same lockfile is restored.
    expect(cache.with.key).toContain('${{ github.run_id }}');
    expect(cache.with.key.startsWith(cache.with['restore-keys'])).toBe(true);
    expect(cache.with['restore-keys']).toContain("hashFiles('package-lock.json')");
  });

  it('type-checks before the build only when the compare step says the code changed', () => {
    const compare = index(publish.steps, (step) => step.run?.includes('npm run check -- --since "$published"') ?? false);
    const typecheck = index(publish.steps, (step) => step.run === 'npm run typecheck');
    const build = index(publish.steps, (step) => step.run === 'npm run build');
    expect(publish.steps[compare]!.name).toBeDefined();
    expect([compare < typecheck, typecheck < build]).toEqual([true, true]);
    expect(publish.steps[typecheck]!.if).toBe("steps.compare.outputs.code != 'unchanged'");
    expect((publish.steps[compare] as Step & { id?: string }).id).toBe('compare');
  });

  it.each(['check', 'publish'])('has shell scripts bash can read (%s)', (job) => {
    for (const step of workflow.jobs[job]!.steps.filter((candidate) => candidate.run)) {
      const syntax = spawnSync('bash', ['-n'], { input: step.run!.replace(/\$\{\{[^}]*\}\}/g, 'x'), encoding: 'utf8' });
      expect(syntax.stderr, step.name ?? step.run).toBe('');
    }
  });
});

/**
 * The publish job's compare step, run by bash against a real repository:
 * curl, npm and the fetch from GitHub are stand-ins that record what they
 * were asked, git is git.
 */
describe('the compare step, run', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  const script = publish.steps.find((step) => (step as { id?: string }).id === 'compare')!.run!;

  /** A repository with a published commit and a push after it that changes `changed`; the step's outputs and the commands it ran. */
  function runCompare(changed: Record<string, string>, http = '200'): { status: number | null; outputs: string; ran: string; stderr: string } {
    const dir = mkdtempSync(path.join(tmpdir(), 'status-ledger-workflow-'));
    made.push(dir);
    const repo = path.join(dir, 'repo');
    const bin = path.join(dir, 'bin');
    mkdirSync(path.join(repo, 'status'), { recursive: true });
    mkdirSync(bin);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
    git('init', '--quiet');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'ci');
    writeFileSync(path.join(repo, 'status', 'site.yaml'), 'title: t\n');
    writeFileSync(path.join(repo, 'package.json'), '{}\n');
    git('add', '-A');
    git('commit', '--quiet', '-m', 'published');
    const published = git('rev-parse', 'HEAD');
    for (const [file, text] of Object.entries(changed)) writeFileSync(path.join(repo, file), text);
    git('add', '-A');
    git('commit', '--quiet', '--allow-empty', '-m', 'push');
    const log = path.join(dir, 'ran');
    const stub = (name: string, body: string) => {
      writeFileSync(path.join(bin, name), `#!/usr/bin/env bash\n${body}\n`);
      chmodSync(path.join(bin, name), 0o755);
    };
    // curl: the live published-commit.txt holds the published commit.
    stub('curl', `out=""; while [ $# -gt 0 ]; do [ "$1" = --output ] && out="$2"; shift; done; echo ${published} > "$out"; printf ${http}`);
    stub('npm', `echo "npm $*" >> ${log}`);
    // git: the fetch from GitHub has nothing to do (the commit is here); everything else is git.
    stub('git', `if [ "$1" = fetch ]; then echo "git $*" >> ${log}; exit 0; fi; exec /usr/bin/git "$@"`);
    const outputs = path.join(dir, 'outputs');
    writeFileSync(outputs, '');
    writeFileSync(log, '');
    const result = spawnSync('bash', ['-e', '-c', script], {
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env.PATH}`, RUNNER_TEMP: dir, GITHUB_OUTPUT: outputs, SITE_URL: 'https://status.example.com', STATUS_CONTENT_DIR: 'status' },
    });
    return { status: result.status, outputs: readFileSync(outputs, 'utf8'), ran: readFileSync(log, 'utf8').replaceAll(published, '<published>'), stderr: result.stderr };
  }

  it('a content-only push: checked against the published commit, and no type check', () => {
    const run = runCompare({ 'status/site.yaml': 'title: changed\n' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.ran).toBe('git fetch --no-tags --depth=1 origin <published>\nnpm run check -- --since <published>\n');
    expect(run.outputs).toBe('code=unchanged\n');
  });

  it('the 15-minute rebuild with nothing new: no type check either', () => {
    expect(runCompare({}).outputs).toBe('code=unchanged\n');
  });

  it('a push that changes code: the type check runs', () => {
    expect(runCompare({ 'package.json': '{ "changed": true }\n' }).outputs).toBe('code=changed\n');
    expect(runCompare({ 'status/site.yaml': 'title: changed\n', 'astro.config.mjs': '// changed\n' }).outputs).toBe('code=changed\n');
  });

  it('a first deploy: the whole check, and the type check', () => {
    const run = runCompare({}, '404');
    expect(run.status, run.stderr).toBe(0);
    expect(run.ran).toBe('npm run check\n');
    expect(run.outputs).toBe('code=changed\n');
  });

  it('an unreachable site: nothing is published', () => {
    const run = runCompare({}, '503');
    expect(run.status).toBe(1);
    expect(run.ran).toBe('');
  });
});
