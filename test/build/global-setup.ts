/**
 * Builds every test site once, one after another, with now pinned by
 * SOURCE_DATE_EPOCH, for all build-output test files.
 */
import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site.ts';
import { FIXTURE_NOW } from './fixture.ts';
import { FAILING_BUILDS, SITES } from './sites.ts';

/** What a test file needs of a build: where it went, whether it passed, what it printed. */
export interface BuiltSite {
  outDir: string;
  ok: boolean;
  output: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    builds: Record<string, BuiltSite>;
  }
}

export default async function setup(project: TestProject) {
  const builds: Record<string, BuiltSite> = {};
  for (const [name, write] of Object.entries(SITES)) {
    const dir = await write();
    const runs = name === 'hostile' ? ['hostile', 'hostileAgain'] : [name];
    const failing = name in FAILING_BUILDS;
    for (const run of runs) {
      const build = buildSite(dir, FAILING_BUILDS[name] ?? FIXTURE_NOW);
      if (!build.ok && !failing) throw new Error(`The ${run} site did not build:\n${build.output}`);
      builds[run] = { outDir: build.outDir, ok: build.ok, output: build.output };
    }
  }
  project.provide('builds', builds);
}
