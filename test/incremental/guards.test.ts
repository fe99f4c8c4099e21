/**
 * What keeps a cache from publishing a wrong page: a build that did not
 * finish, a cache of another version, a cache restored from an older
 * publish, an output folder someone changed, pages that no longer exist.
 * Each case ends with the incremental output compared, file by file, with a
 * clean build of the same content and now.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { START, startingContent } from './edits.ts';
import { build, copyProject, differencesFromClean, removeTemporary, tempDir, temporary, type BuildPlace } from './harness.ts';

afterAll(removeTemporary);

function freshPlace(content: string): BuildPlace {
  return { content, outDir: path.join(tempDir('status-ledger-guard-out-'), 'dist'), cacheDir: tempDir('status-ledger-guard-cache-') };
}

function mustBuild(root: string, place: BuildPlace, now: number, env: Record<string, string> = {}) {
  const run = build(root, place, now, env);
  if (!run.ok) throw new Error(`the build failed:\n${run.output}`);
  return run;
}

/** A copy of the project (with `plant` applied, see copyProject) and the starting site, built once at START into fresh folders. */
function builtStart(plant: Parameters<typeof copyProject>[0] = {}) {
  const root = temporary(copyProject(plant));
  const content = temporary(startingContent());
  const place = freshPlace(content);
  mustBuild(root, place, START);
  return { root, content, place };
}

const CONSOLE = 'incidents/2025/2025-02-05-console.md';
const retitle = (content: string, from: string, to: string) => {
  const file = path.join(content, CONSOLE);
  writeFileSync(file, readFileSync(file, 'utf8').replace(`title: ${from}`, `title: ${to}`));
};

describe('the build cache', () => {
  it('is not trusted after a build that stopped halfway: the next build starts clean, and never publishes a page the failed one wrote', { timeout: 15 * 60_000 }, () => {
    // A page that throws when asked to: the SLA page renders after every incident page.
    const { root, content, place } = builtStart({
      'src/pages/[...lang]/sla.astro': (text) => text.replace("const REPORT_MONTHS = 6;", "const REPORT_MONTHS = 6;\nif (process.env.STATUS_TEST_FAIL === '1') throw new Error('a planted failure');"),
    });
    const record = path.join(place.cacheDir, 'status-ledger', 'outputs.json');
    const lastGood = readFileSync(record, 'utf8');

    retitle(content, '控制台加载缓慢', '控制台加载缓慢（标题改了又改回）');
    const failed = build(root, place, START, { STATUS_TEST_FAIL: '1' });
    expect(failed.ok).toBe(false);
    expect(failed.rendered).toContain('/incidents/2025-02-05-console/index.html');
    expect(existsSync(path.join(place.cacheDir, 'status-ledger', 'build-pending'))).toBe(true);
    expect(existsSync(record)).toBe(false);

    // The same state as if the failed build had left the last good build's record and no marker:
    // the pages it wrote are not the files that record lists, in the output folder or in the cache.
    const unmarked: BuildPlace = { content, outDir: path.join(tempDir('status-ledger-guard-out-'), 'dist'), cacheDir: tempDir('status-ledger-guard-cache-') };
    cpSync(place.outDir, unmarked.outDir, { recursive: true, preserveTimestamps: true });
    cpSync(place.cacheDir, unmarked.cacheDir, { recursive: true, preserveTimestamps: true });
    rmSync(path.join(unmarked.cacheDir, 'status-ledger', 'build-pending'));
    writeFileSync(path.join(unmarked.cacheDir, 'status-ledger', 'outputs.json'), lastGood.replaceAll(JSON.stringify(place.outDir), JSON.stringify(unmarked.outDir)));

    // The editor puts the title back: the content is the first build's again.
    retitle(content, '控制台加载缓慢（标题改了又改回）', '控制台加载缓慢');
    const next = mustBuild(root, place, START);
    expect(next.output).toContain('Building clean: the last build did not finish');
    expect(next.reused).toBe(0);
    expect(differencesFromClean(root, content, place.outDir, START)).toEqual([]);

    const fromUnmarked = mustBuild(root, unmarked, START);
    expect(fromUnmarked.rendered).toContain('/incidents/2025-02-05-console/index.html');
    expect(fromUnmarked.reused).toBeGreaterThan(0);
    expect(differencesFromClean(root, content, unmarked.outDir, START)).toEqual([]);
  });

  it('is cleared when another version of Node, ICU, Astro or Status Ledger wrote it', { timeout: 10 * 60_000 }, () => {
    const { root, content, place } = builtStart();
    const record = path.join(place.cacheDir, 'status-ledger', 'outputs.json');
    const written = JSON.parse(readFileSync(record, 'utf8'));
    writeFileSync(record, JSON.stringify({ ...written, stamp: { ...written.stamp, icu: '0.1' } }));
    const next = mustBuild(root, place, START + 60);
    expect(next.output).toContain('Building clean: the cache was written by another version');
    expect(next.reused).toBe(0);
    expect(differencesFromClean(root, content, place.outDir, START + 60)).toEqual([]);
  });

  it('restored from an older publish, into a fresh output folder, writes what a clean build writes; so does a folder someone changed; deleted pages go', { timeout: 15 * 60_000 }, () => {
    const { root, content, place } = builtStart();
    // Saved as CI saves it: an archive, which keeps modification times (to the second).
    const older = tempDir('status-ledger-guard-older-');
    cpSync(place.cacheDir, older, { recursive: true, preserveTimestamps: true });

    // Later: a title changed, an incident and a translation deleted, a service renamed.
    retitle(content, '控制台加载缓慢', '控制台加载缓慢（已更正）');
    rmSync(path.join(content, 'incidents/2025/2025-02-10-cdn.en.md'));
    rmSync(path.join(content, 'incidents/2025/2025-01-18-hangzhou-power.md'));
    rmSync(path.join(content, 'incidents/2025/2025-01-18-hangzhou-power.en.md'));
    const services = path.join(content, 'services.yaml');
    writeFileSync(services, readFileSync(services, 'utf8').replace('en: Elastic Compute · Hangzhou', 'en: Compute · Hangzhou'));
    const now = START + 3600;

    const kept = mustBuild(root, place, now);
    expect(kept.reused).toBeGreaterThan(0);
    expect(existsSync(path.join(place.outDir, 'incidents/2025-01-18-hangzhou-power/index.html'))).toBe(false);
    expect(differencesFromClean(root, content, place.outDir, now)).toEqual([]);

    // A fresh runner restores the cache of an older publish: its keys decide, not its age.
    const restored: BuildPlace = { content, outDir: path.join(tempDir('status-ledger-guard-out-'), 'dist'), cacheDir: older };
    const fromOlder = mustBuild(root, restored, now);
    expect(fromOlder.reused).toBeGreaterThan(0);
    expect(differencesFromClean(root, content, restored.outDir, now)).toEqual([]);

    // Someone edits a page in the output folder: the folder is no longer the one the cache vouches for.
    const page = path.join(place.outDir, 'incidents/2025-02-05-console/index.html');
    writeFileSync(page, `${readFileSync(page, 'utf8')}<!-- edited -->`);
    writeFileSync(path.join(place.outDir, 'stray.txt'), 'not built');
    const afterEdit = mustBuild(root, place, now + 60);
    // Its key did not change, but the file is not the one the build wrote: it is written again.
    expect(afterEdit.rendered).toContain('/incidents/2025-02-05-console/index.html');
    expect(differencesFromClean(root, content, place.outDir, now + 60)).toEqual([]);
  });
});
