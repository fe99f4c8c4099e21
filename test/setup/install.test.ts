/**
 * What `npm ci` prints on the machine's own Node (often older than the
 * Node 24 the project pins and runs its scripts on): nothing to act on is
 * nothing at all. Run as a dry run in a copy of the package files, so that
 * it installs nothing and takes seconds.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');

describe('npm ci', () => {
  it("warns about nothing on the machine's own Node: no EBADENGINE for packages that run on the pinned Node 24", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'status-ledger-install-'));
    for (const file of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(path.join(ROOT, file), path.join(dir, file));
    // npm as an editor runs it: with the Node on the machine's PATH, not the pinned one npm scripts put first.
    const PATH = (process.env.PATH ?? '').split(path.delimiter).filter((entry) => !entry.includes(`node_modules${path.sep}.bin`)).join(path.delimiter);
    const result = spawnSync('npm', ['ci', '--dry-run', '--no-audit'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH } });
    expect(result.status, result.stderr).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/npm warn|EBADENGINE|looking for funding/i);
  }, 120_000);
});
