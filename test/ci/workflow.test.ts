/**
 * The shipped workflow (.github/workflows/status-site.yml) wires the
 * corrections check in where it must run: pull requests against their base,
 * every publish against the commit the live site was built from.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

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
const { check, publish } = workflow.jobs as { check: { steps: Step[] }; publish: { steps: Step[] } };
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
    expect(step.if).toBe("github.event_name == 'pull_request'");
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
    // A first deploy has nothing to compare; any other failure publishes nothing.
    expect(script).toMatch(/404\|410\) echo "No published commit yet/);
    expect(script).toMatch(/\*\) echo "::error::.*exit 1/);
  });

  it.each(['check', 'publish'])('has shell scripts bash can read (%s)', (job) => {
    for (const step of workflow.jobs[job]!.steps.filter((candidate) => candidate.run)) {
      const syntax = spawnSync('bash', ['-n'], { input: step.run!.replace(/\$\{\{[^}]*\}\}/g, 'x'), encoding: 'utf8' });
      expect(syntax.stderr, step.name ?? step.run).toBe('');
    }
  });
});
