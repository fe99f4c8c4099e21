/**
 * Builds the sample site once, with now pinned, and serves it on 127.0.0.1
 * for every browser test file.
 */
import type { TestProject } from 'vitest/node';
import { buildSite } from '../build/build-site.ts';
import { serve, type Served } from './serve.ts';

/** 2026-11-27 00:00 UTC: the sample's ongoing incident is ongoing, its maintenance upcoming. */
export const SAMPLE_NOW = 1795737600;

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}

let server: Served | undefined;

export async function setup(project: TestProject) {
  const build = buildSite('content', SAMPLE_NOW);
  if (!build.ok) throw new Error(`The sample did not build:\n${build.output}`);
  server = await serve(build.outDir);
  project.provide('siteUrl', server.url);
  project.provide('siteDir', build.outDir);
}

export async function teardown() {
  await server?.close();
}
