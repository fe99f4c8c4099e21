/**
 * Builds the fixture content folder once for every build-output test file,
 * with now pinned by SOURCE_DATE_EPOCH.
 */
import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site.ts';
import { FIXTURE_NOW, writeFixture } from './fixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureOut: string;
  }
}

export default function setup(project: TestProject) {
  const build = buildSite(writeFixture(), FIXTURE_NOW);
  if (!build.ok) throw new Error(`The fixture did not build:\n${build.output}`);
  project.provide('fixtureOut', build.outDir);
}
