import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheVerdict, keptCopyIntact, keptName, PAGES_DIR, restoreKept, staleOutputs, trustedOutputs, type OutputRecord } from '../../src/site/build-cache.ts';
import { buildStamp } from '../../src/site/page-keys.ts';

const stamp = buildStamp({ node: 'v24.21.0', icu: '77.1', tz: '2025b', unicode: '16.0' }, '7.3.5', '0.1.0', 'code');
const record: OutputRecord = {
  stamp,
  outDir: '/site/dist',
  files: { 'index.html': [120, 1000.5], 'incidents/a/index.html': [300, 1001.25] },
  keyed: { 'incidents/a/index.html': { key: 'k', kept: [300, 1001.25] } },
};

describe('cacheVerdict', () => {
  it.each([
    ['a cache the last finished build wrote, under this stamp', { pending: false, record, force: false }, false],
    ['no cache at all (a first build)', { pending: false, record: null, force: false }, false],
    ['a build that did not finish', { pending: true, record: null, force: false }, true],
    ['a build that did not finish, over a good record', { pending: true, record, force: false }, true],
    ['a cache of another Node', { pending: false, record: { ...record, stamp: { ...stamp, node: 'v24.1.0' } }, force: false }, true],
    ['a cache of another ICU', { pending: false, record: { ...record, stamp: { ...stamp, icu: '76.1' } }, force: false }, true],
    ['a cache of another Status Ledger', { pending: false, record: { ...record, stamp: { ...stamp, statusLedger: '0.2.0' } }, force: false }, true],
    ['a cache of other code (a page or the config changed)', { pending: false, record: { ...record, stamp: { ...stamp, code: 'other' } }, force: false }, true],
    ['astro build --force', { pending: false, record, force: true }, true],
  ])('for %s: clear %s', (_, found, clear) => {
    expect(cacheVerdict(found, stamp).clear).toBe(clear);
  });

  it('says why it clears the cache', () => {
    expect(cacheVerdict({ pending: true, record, force: false }, stamp)).toEqual({ clear: true, why: 'the last build did not finish, so its cache may hold pages of a failed build' });
    expect(cacheVerdict({ pending: false, record: { ...record, stamp: { ...stamp, node: 'v22.0.0' } }, force: false }, stamp)).toMatchObject({ why: expect.stringContaining('Node v22.0.0') });
  });
});

describe('trustedOutputs', () => {
  const found = (files: Record<string, [number, number]>) => (file: string) => files[file];
  it.each([
    ['every page as recorded', record.files, ['index.html', 'incidents/a/index.html']],
    ['a page missing (a fresh checkout)', { 'index.html': [120, 1000.5] }, ['index.html']],
    ['a page of another size', { ...record.files, 'index.html': [121, 1000.5] }, ['incidents/a/index.html']],
    ['a page written since (same size)', { ...record.files, 'incidents/a/index.html': [300, 2000] }, ['index.html']],
    ['a file the build did not write', { ...record.files, 'stray.txt': [1, 1000.5] }, ['index.html', 'incidents/a/index.html']],
  ] as const)('with %s: trusts %j', (_, files, trusted) => {
    expect([...trustedOutputs(record, Object.keys(files), found(files as Record<string, [number, number]>))]).toEqual(trusted);
  });
});

describe('keptCopyIntact', () => {
  it.each([
    ['as recorded', [300, 1001.25], true],
    ['restored from an archive that keeps whole seconds', [300, 1001], true],
    ['of another size', [301, 1001.25], false],
    ['written another second', [300, 2001.25], false],
    ['missing', undefined, false],
  ] as const)('a copy %s: %s', (_, found, intact) => {
    expect(keptCopyIntact(found as [number, number] | undefined, [300, 1001.25])).toBe(intact);
  });
});

describe('staleOutputs', () => {
  it('lists what the last build wrote and this one did not', () => {
    expect(staleOutputs(['index.html', 'incidents/gone/index.html', 'api/v1/incidents/3.json'], new Set(['index.html', 'incidents/new/index.html']))).toEqual([
      'incidents/gone/index.html',
      'api/v1/incidents/3.json',
    ]);
  });
});

describe('restoreKept', () => {
  /** A last build's record of two kept pages in `outDir`, their copies in the cache folder `ours` (made like the build makes them). */
  function lastBuild() {
    const root = mkdtempSync(path.join(tmpdir(), 'status-ledger-kept-'));
    const outDir = path.join(root, 'dist');
    const ours = path.join(root, 'cache');
    const files = ['incidents/a/index.html', 'incidents/b/index.html'];
    const built: OutputRecord = { stamp, outDir, files: {}, keyed: {} };
    mkdirSync(path.join(ours, PAGES_DIR), { recursive: true });
    for (const [index, file] of files.entries()) {
      mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
      writeFileSync(path.join(outDir, file), `page ${file}`);
      copyFileSync(path.join(outDir, file), path.join(ours, PAGES_DIR, keptName(file)));
      const page = statSync(path.join(outDir, file));
      const copy = statSync(path.join(ours, PAGES_DIR, keptName(file)));
      built.files[file] = [page.size, page.mtimeMs];
      built.keyed[file] = { key: `key-${index}`, kept: [copy.size, copy.mtimeMs] };
    }
    return { root, outDir, ours, built };
  }

  it('puts the kept pages back into a fresh output folder', () => {
    const { root, outDir, ours, built } = lastBuild();
    rmSync(outDir, { recursive: true });
    expect(restoreKept(built, ours, outDir, new Set(), new Set()).size).toBe(2);
    expect(readFileSync(path.join(outDir, 'incidents/b/index.html'), 'utf8')).toBe('page incidents/b/index.html');
    rmSync(root, { recursive: true });
  });

  it('puts no copy back that changed since the build recorded it (a failed build or a hand edit wrote over it)', () => {
    const { root, outDir, ours, built } = lastBuild();
    rmSync(outDir, { recursive: true });
    appendFileSync(path.join(ours, PAGES_DIR, keptName('incidents/a/index.html')), '<!-- edited -->');
    expect(restoreKept(built, ours, outDir, new Set(), new Set())).toEqual(new Map([['incidents/b/index.html', 'key-1']]));
    expect(existsSync(path.join(outDir, 'incidents/a/index.html'))).toBe(false);
    rmSync(root, { recursive: true });
  });

  it('keeps the pages in the output folder as recorded, and puts back no page that was there but changed (its copy may have changed with it)', () => {
    const { root, outDir, ours, built } = lastBuild();
    rmSync(path.join(outDir, 'incidents/b/index.html'));
    expect(restoreKept(built, ours, outDir, new Set(['incidents/a/index.html']), new Set(['incidents/b/index.html']))).toEqual(new Map([['incidents/a/index.html', 'key-0']]));
    expect(existsSync(path.join(outDir, 'incidents/b/index.html'))).toBe(false);
    rmSync(root, { recursive: true });
  });
});
