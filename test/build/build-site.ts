/**
 * Builds the site from a content folder into a temporary folder, as
 * `npm run build` would, with a pinned SOURCE_DATE_EPOCH.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HTMLElement } from 'node-html-parser';

export interface Build {
  ok: boolean;
  output: string;
  outDir: string;
  /** Reads a built file, e.g. `api/v1/incidents.json`. */
  read(file: string): string;
  json<T = any>(file: string): T;
}

/** Reads files of a site already built into `outDir`. */
export function builtSite(outDir: string): Pick<Build, 'outDir' | 'read' | 'json'> {
  const read = (file: string) => readFileSync(path.join(outDir, file), 'utf8');
  return { outDir, read, json: (file) => JSON.parse(read(file)) };
}

export function buildSite(contentDir: string, epochSeconds: number): Build {
  const work = mkdtempSync(path.join(tmpdir(), 'status-ledger-build-'));
  const outDir = path.join(work, 'dist');
  const result = spawnSync('npx', ['astro', 'build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      STATUS_CONTENT_DIR: contentDir,
      STATUS_OUT_DIR: outDir,
      STATUS_CACHE_DIR: path.join(work, 'cache'),
      SOURCE_DATE_EPOCH: String(epochSeconds),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`, ...builtSite(outDir) };
}

/** The text of an element with its parts joined by single spaces, as a reader would hear it. */
export function readerText(element: HTMLElement | null | undefined): string {
  if (!element) return '';
  const parts: string[] = [];
  const walk = (node: HTMLElement) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.textContent);
      else walk(child as HTMLElement);
    }
  };
  walk(element);
  return parts.join(' ').replace(/\s+/g, ' ').replace(/ ([.,:%])/g, '$1').trim();
}
