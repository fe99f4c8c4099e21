import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles, resolveContent } from '../../src/contract/load-content.ts';
import { AHEAD_LEEWAY_MS } from '../../src/contract/read-incident.ts';
import { codeDigest } from '../../src/site/build-stamp.ts';
import { ContentCache, readerVersion, reusable } from '../../src/site/content-cache.ts';
import { FIXTURE_FILES, FIXTURE_NOW, FIXTURE_SLA } from '../build/fixture.ts';
import { writeContentFolder } from '../builders.ts';

const NOW = FIXTURE_NOW * 1000;

describe('reusable', () => {
  // A file whose latest time held against now is NOW: it reads without problems from NOW less the leeway on.
  const entry = { text: 'abc', catalogs: 'cat', from: NOW - AHEAD_LEEWAY_MS };
  it.each([
    ['the same text and catalogs, now later', 'abc', 'cat', NOW + 1, true],
    ['the same text and catalogs, now as early as the leeway allows', 'abc', 'cat', NOW - AHEAD_LEEWAY_MS, true],
    ['a now so early that a time in the file is ahead of it', 'abc', 'cat', NOW - AHEAD_LEEWAY_MS - 1, false],
    ['another text', 'abd', 'cat', NOW, false],
    ['other catalogs (a service renamed)', 'abc', 'dog', NOW, false],
  ])('with %s: %s', (_, text, catalogs, now, expected) => {
    expect(reusable(entry, text, catalogs, now)).toBe(expected);
  });
});

/** Reads the fixture folder through a cache in `cacheDir`, as a build does, and saves it. */
async function readThrough(dir: string, cacheDir: string, now = NOW, version = 'v1') {
  const cache = ContentCache.open(cacheDir, version);
  const result = resolveContent(await readContentFiles(dir), now, cache);
  cache.save();
  return { ...result, hits: cache.hits, misses: cache.misses };
}

describe('ContentCache', () => {
  it('gives back the very content a read without it gives, from the second read on', async () => {
    const dir = writeContentFolder({ 'sla.yaml': FIXTURE_SLA, ...FIXTURE_FILES });
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'status-ledger-content-cache-'));
    const plain = resolveContent(await readContentFiles(dir), NOW);
    const first = await readThrough(dir, cacheDir);
    const second = await readThrough(dir, cacheDir);
    expect(first.misses).toBe(plain.content.incidents.length);
    expect(second).toMatchObject({ hits: plain.content.incidents.length, misses: 0 });
    expect(second.content).toEqual(plain.content);
    expect(second.problems).toEqual([]);
  });

  it('reads a changed file again, and forgets a file that is gone', async () => {
    const dir = writeContentFolder({ 'sla.yaml': FIXTURE_SLA, ...FIXTURE_FILES });
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'status-ledger-content-cache-'));
    await readThrough(dir, cacheDir);
    const file = path.join(dir, 'incidents/2025/2025-01-18-api-errors.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: API errors', 'title: API errors, corrected'));
    const again = await readThrough(dir, cacheDir);
    expect(again.misses).toBe(1);
    expect(again.content.incidents.find((incident) => incident.id === '2025-01-18-api-errors')?.title).toEqual({ en: 'API errors, corrected' });
    const lines = readdirSync(cacheDir).filter((name) => name.endsWith('.tsv')).flatMap((name) => readFileSync(path.join(cacheDir, name), 'utf8').split('\n').filter(Boolean));
    expect(lines).toHaveLength(again.content.incidents.length);
  });

  it('reads every file again for a now earlier than a time the file holds (its check would fail)', async () => {
    const dir = writeContentFolder({ 'sla.yaml': FIXTURE_SLA, ...FIXTURE_FILES });
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'status-ledger-content-cache-'));
    await readThrough(dir, cacheDir);
    const earlier = await readThrough(dir, cacheDir, Date.parse('2025-01-01T00:00:00Z'));
    expect(earlier.problems.length).toBeGreaterThan(0);
    expect(earlier.problems).toEqual(resolveContent(await readContentFiles(dir), Date.parse('2025-01-01T00:00:00Z')).problems);
  });

  it('ignores the reads of another version of the code', async () => {
    const dir = writeContentFolder({ 'sla.yaml': FIXTURE_SLA, ...FIXTURE_FILES });
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'status-ledger-content-cache-'));
    const first = await readThrough(dir, cacheDir, NOW, 'v1');
    expect((await readThrough(dir, cacheDir, NOW, 'v2')).misses).toBe(first.misses);
  });

  it('reads a file again when its line was cut short (a killed build)', async () => {
    const dir = writeContentFolder({ 'sla.yaml': FIXTURE_SLA, ...FIXTURE_FILES });
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'status-ledger-content-cache-'));
    await readThrough(dir, cacheDir);
    const shards = readdirSync(cacheDir).filter((name) => name.endsWith('.tsv') && readFileSync(path.join(cacheDir, name), 'utf8') !== '');
    for (const shard of shards) {
      const text = readFileSync(path.join(cacheDir, shard), 'utf8');
      writeFileSync(path.join(cacheDir, shard), text.slice(0, text.length - 40));
    }
    const again = await readThrough(dir, cacheDir);
    expect(again.misses).toBe(shards.length);
    expect(again.content).toEqual(resolveContent(await readContentFiles(dir), NOW).content);
  });
});

describe('readerVersion', () => {
  it('changes with the code under src/ and with Node’s time zone data', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'status-ledger-root-'));
    const write = (text: string) => {
      const file = path.join(root, 'src', 'contract', 'read.ts');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    };
    write('export const a = 1;');
    const first = readerVersion(codeDigest(root), { node: 'v24', icu: '77', tz: '2025b' });
    expect(readerVersion(codeDigest(root), { node: 'v24', icu: '77', tz: '2025b' })).toBe(first);
    expect(readerVersion(codeDigest(root), { node: 'v24', icu: '77', tz: '2026a' })).not.toBe(first);
    write('export const a = 2;');
    expect(readerVersion(codeDigest(root), { node: 'v24', icu: '77', tz: '2025b' })).not.toBe(first);
  });
});
