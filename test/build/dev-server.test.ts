/**
 * `npm run dev` with a content folder that has mistakes: every address shows
 * the `path:line` lines in the browser (not only in the terminal, and never
 * the last good page), and the site comes back once the file is fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESIGN_EXAMPLE, writeContentFolder } from '../builders.ts';
import { FIXTURE_NOW } from './fixture.ts';

const BROKEN = DESIGN_EXAMPLE.replace('  - ecs\n', '  - ecss\n  - "<script>alert(1)</script>"\n');
const folder = writeContentFolder({ 'incidents/2025/2025-01-18-hangzhou-power.md': BROKEN });
const file = path.join(folder, 'incidents/2025/2025-01-18-hangzhou-power.md');
const LINE = `${folder}/incidents/2025/2025-01-18-hangzhou-power.md:8: unknown service 'ecss'`;

/** The environment without what vitest adds to it. */
function editorEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && name !== 'TEST'));
}

let server: ChildProcess | undefined;
let url = '';

/** Starts the dev server on a port the system picks, and waits for its address. */
beforeAll(async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'status-ledger-dev-'));
  server = spawn('npx', ['astro', 'dev', '--port', '0', '--host', '127.0.0.1'], {
    // As an editor's shell has it: vitest's NODE_ENV=test would turn the dev server's development mode off.
    env: { ...editorEnvironment(), STATUS_CONTENT_DIR: folder, STATUS_CACHE_DIR: path.join(work, 'cache'), SOURCE_DATE_EPOCH: String(FIXTURE_NOW), ASTRO_TELEMETRY_DISABLED: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the dev server did not start:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      // The whole address, with the slash after the port: output comes in chunks.
      const found = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    server!.stdout!.on('data', read);
    server!.stderr!.on('data', read);
    server!.on('exit', (code) => reject(new Error(`the dev server stopped (${code}):\n${output}`)));
  });
}, 120_000);

afterAll(() => {
  // The whole process group: npx, the shell and Astro itself.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

/**
 * Fetches `address` until `until` holds for the answer (the dev server rereads
 * the folder a moment after a save), for up to 90 s: the first render of a
 * page compiles its modules, which on two busy cores (the other test files
 * run beside this one) has taken more than 30 s.
 */
async function fetchUntil(address: string, until: (status: number, body: string) => boolean) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${url}${address}`);
    const body = await response.text();
    if (until(response.status, body) || attempt === 180) return { status: response.status, body };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('the dev server with a content mistake', () => {
  it('shows every path:line problem on every page, escaped, instead of the site', { timeout: 200_000 }, async () => {
    for (const address of ['/', '/incidents/2025-01-18-hangzhou-power/', '/services/oss/', '/sla/']) {
      const { status, body } = await fetchUntil(address, (code) => code === 500);
      expect(status, address).toBe(500);
      const text = parse(body).querySelector('body')!.textContent;
      expect(text, address).toContain(LINE);
      expect(text, address).toContain("unknown service '<script>alert(1)</script>'");
      expect(body, address).not.toContain('<script>alert(1)');
    }
  });

  it('shows the site again once the file is fixed, and the problems once it breaks again', { timeout: 200_000 }, async () => {
    // Saved in place, as many editors do: emptied, then written 30 ms later.
    const saving = openSync(file, 'w');
    await new Promise((resolve) => setTimeout(resolve, 30));
    writeSync(saving, DESIGN_EXAMPLE);
    closeSync(saving);
    const fixed = await fetchUntil('/incidents/2025-01-18-hangzhou-power/', (code) => code === 200);
    // On failure, what the dev server answered instead.
    expect(fixed.status, fixed.body.slice(0, 2000)).toBe(200);
    expect(parse(fixed.body).querySelector('h1')?.textContent).toBe('Instances unreachable in Hangzhou zone H');
    writeFileSync(file, BROKEN);
    const broken = await fetchUntil('/', (code) => code === 500);
    expect(parse(broken.body).querySelector('body')!.textContent).toContain(LINE);
  });
});
