import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFile, lockPath, replaceFile, withFileLock, WriteRefused } from '../../src/editor/file-lock.ts';

function fileIn(text = 'before\n') {
  const dir = mkdtempSync(path.join(tmpdir(), 'status-ledger-lock-'));
  const file = path.join(dir, 'x.md');
  writeFileSync(file, text);
  return { dir, file };
}

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('withFileLock', () => {
  it('runs one holder at a time and removes its lock afterwards', async () => {
    const { dir, file } = fileIn();
    const order: string[] = [];
    const hold = (name: string) =>
      withFileLock(file, async () => {
        order.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        order.push(`${name} out`);
      });
    await Promise.all([hold('a'), hold('b'), hold('c')]);
    for (let index = 0; index < order.length; index += 2) expect(order[index + 1]).toBe(order[index]!.replace('in', 'out'));
    expect(readdirSync(dir)).toEqual(['x.md']);
  });

  it('gives up after waiting, saying who holds the lock and what to do', async () => {
    const { file } = fileIn();
    writeFileSync(lockPath(file), JSON.stringify({ pid: process.pid, host: hostname(), token: 'other' }));
    await expect(withFileLock(file, async () => 'ran', { waitMs: 100 })).rejects.toThrow(
      new WriteRefused(`another command is writing ${file} (process ${process.pid} on ${hostname()}); nothing was written: run the command again, or delete ${lockPath(file)} if no command is running`),
    );
  });

  it('breaks a lock left by a process that is gone', async () => {
    const { file } = fileIn();
    writeFileSync(lockPath(file), JSON.stringify({ pid: deadPid(), host: hostname(), token: 'dead' }));
    expect(await withFileLock(file, async () => 'ran', { waitMs: 100 })).toBe('ran');
  });

  it('breaks a lock older than the stale limit, even from another machine', async () => {
    const { file } = fileIn();
    writeFileSync(lockPath(file), JSON.stringify({ pid: 1, host: 'elsewhere', token: 'old' }));
    const old = new Date(Date.now() - 120_000);
    utimesSync(lockPath(file), old, old);
    expect(await withFileLock(file, async () => 'ran', { waitMs: 100, staleMs: 60_000 })).toBe('ran');
  });

  it('removes its lock also when the action fails', async () => {
    const { dir, file } = fileIn();
    await expect(withFileLock(file, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(readdirSync(dir)).toEqual(['x.md']);
  });
});

describe('replaceFile', () => {
  it('replaces the file in one step, keeping its mode, and leaves no temporary file', async () => {
    const { dir, file } = fileIn();
    await replaceFile(file, 'after\n', 'before\n');
    expect(readFileSync(file, 'utf8')).toBe('after\n');
    expect(readdirSync(dir)).toEqual(['x.md']);
  });

  it('writes through a symbolic link to the file it names, keeping the link', async () => {
    const { dir, file } = fileIn();
    const link = path.join(dir, 'link.md');
    symlinkSync(file, link);
    await replaceFile(link, 'after\n', 'before\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('after\n');
  });

  it('refuses when the file changed since it was read', async () => {
    const { dir, file } = fileIn();
    await expect(replaceFile(file, 'after\n', 'something else\n')).rejects.toBeInstanceOf(WriteRefused);
    expect(readFileSync(file, 'utf8')).toBe('before\n');
    expect(readdirSync(dir)).toEqual(['x.md']);
  });
});

describe('createFile', () => {
  it('creates a file, with its folders, and never over an existing one', async () => {
    const { dir } = fileIn();
    const file = path.join(dir, '2025', 'new.md');
    expect(await createFile(file, 'one\n')).toBe(true);
    expect(await createFile(file, 'two\n')).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('one\n');
    expect(readdirSync(path.dirname(file))).toEqual(['new.md']);
  });
});
