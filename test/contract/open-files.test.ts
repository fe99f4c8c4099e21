/**
 * A history larger than the number of files the system lets a process open
 * at once: the reader takes the files a few at a time, so every one is read.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_CONCURRENCY } from '../../src/contract/load-content.ts';
import { DESIGN_EXAMPLE, writeContentFolder, type FolderFiles } from '../builders.ts';

const project = path.resolve(import.meta.dirname, '..', '..');

/** The open-file limit the check runs under: room for Node's own handles and the reader's, far below the folder's files. */
const OPEN_FILES = 160;
const INCIDENTS = 1200;

/** `count` copies of DESIGN's example, one per folder by twenties, each its own id. */
function manyIncidents(count: number): FolderFiles {
  return Object.fromEntries(
    Array.from({ length: count }, (_, index) => [`incidents/${Math.floor(index / 20)}/2025-01-18-power-${index}.md`, DESIGN_EXAMPLE]),
  );
}

describe('reading a folder of more files than may be open at once', () => {
  it('reads every file under a low open-file limit, and reports no file as unreadable', { timeout: 60_000 }, () => {
    expect(READ_CONCURRENCY).toBeLessThan(OPEN_FILES / 2);
    const dir = writeContentFolder(manyIncidents(INCIDENTS));
    // `ulimit -n` in the shell that starts the check: the limit holds for it alone.
    const result = spawnSync('bash', ['-c', `ulimit -n ${OPEN_FILES} && exec "$0" "$1"`, process.execPath, path.join(project, 'scripts', 'check-content.ts')], {
      encoding: 'utf8',
      env: { ...process.env, STATUS_CONTENT_DIR: dir, SOURCE_DATE_EPOCH: String(Date.parse('2026-01-01T00:00:00Z') / 1000) },
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(output).not.toContain('EMFILE');
    expect(result.status, output).toBe(0);
    expect(output).toContain(`${INCIDENTS} incidents`);
  });
});
