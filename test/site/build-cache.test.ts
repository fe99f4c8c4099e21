import { describe, expect, it } from 'vitest';
import { cacheVerdict, outDirIntact, staleOutputs, type OutputRecord } from '../../src/site/build-cache.ts';
import { buildStamp } from '../../src/site/page-keys.ts';

const stamp = buildStamp({ node: 'v24.21.0', icu: '77.1', tz: '2025b', unicode: '16.0' }, '7.3.5', '0.1.0');
const record: OutputRecord = { stamp, outDir: '/site/dist', files: { 'index.html': [120, 1000.5], 'incidents/a/index.html': [300, 1001.25] } };

describe('cacheVerdict', () => {
  it.each([
    ['a cache the last finished build wrote, under this stamp', { pending: false, record, force: false }, false],
    ['no cache at all (a first build)', { pending: false, record: null, force: false }, false],
    ['a build that did not finish', { pending: true, record: null, force: false }, true],
    ['a build that did not finish, over a good record', { pending: true, record, force: false }, true],
    ['a cache of another Node', { pending: false, record: { ...record, stamp: { ...stamp, node: 'v24.1.0' } }, force: false }, true],
    ['a cache of another ICU', { pending: false, record: { ...record, stamp: { ...stamp, icu: '76.1' } }, force: false }, true],
    ['a cache of another Status Ledger', { pending: false, record: { ...record, stamp: { ...stamp, statusLedger: '0.2.0' } }, force: false }, true],
    ['astro build --force', { pending: false, record, force: true }, true],
  ])('for %s: clear %s', (_, found, clear) => {
    expect(cacheVerdict(found, stamp).clear).toBe(clear);
  });

  it('says why it clears the cache', () => {
    expect(cacheVerdict({ pending: true, record, force: false }, stamp)).toEqual({ clear: true, why: 'the last build did not finish, so its cache may hold pages of a failed build' });
    expect(cacheVerdict({ pending: false, record: { ...record, stamp: { ...stamp, node: 'v22.0.0' } }, force: false }, stamp)).toMatchObject({ why: expect.stringContaining('Node v22.0.0') });
  });
});

describe('outDirIntact', () => {
  const found = (files: Record<string, [number, number]>) => (file: string) => files[file];
  it.each([
    ['every page as recorded', '/site/dist', record.files, true],
    ['another output folder', '/other/dist', record.files, false],
    ['a page missing (a fresh checkout)', '/site/dist', { 'index.html': [120, 1000.5] }, false],
    ['a page of another size', '/site/dist', { ...record.files, 'index.html': [121, 1000.5] }, false],
    ['a page written since (same size)', '/site/dist', { ...record.files, 'incidents/a/index.html': [300, 2000] }, false],
  ] as const)('with %s: %s', (_, outDir, files, intact) => {
    expect(outDirIntact(record, outDir, found(files as Record<string, [number, number]>))).toBe(intact);
  });

  it('vouches for no folder without a record', () => {
    expect(outDirIntact(null, '/site/dist', found(record.files))).toBe(false);
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
