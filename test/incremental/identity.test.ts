/**
 * Incremental builds are proven identical to clean ones: after every step of
 * a random sequence of edits (every kind in EDITS once, in a random order,
 * each touching what a random number picks), an incremental build (the
 * output folder and the cache kept from the step before) writes exactly
 * the files a clean build of the same content and now writes, byte for
 * byte. And the test is shown to catch what it is for: with a planted bad
 * key (the incident page's key leaves out the support offer it shows) the
 * comparison fails.
 *
 * Each step is two builds of a small site, so one random sequence per run
 * (`STATUS_IDENTITY_RUNS` asks for more); a failure prints the sequence and
 * fast-check's seed to replay it.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyStep, describeSteps, EDITS, OSS_OUTAGE_ID, START, startingContent, type EditKind, type Step } from './edits.ts';
import { build, copyProject, differencesFromClean, removeTemporary, tempDir, temporary, type BuildPlace } from './harness.ts';

const RUNS = Number(process.env.STATUS_IDENTITY_RUNS || 1);

afterAll(removeTemporary);

/**
 * Builds the starting site incrementally, then applies `steps` one by one,
 * each followed by an incremental build compared with a clean one. Returns
 * the first step's differences (with the steps so far), or none.
 */
async function replay(root: string, steps: readonly Step[]): Promise<{ step: string; differences: string[] } | undefined> {
  const content = temporary(startingContent());
  const place: BuildPlace = { content, outDir: path.join(tempDir('status-ledger-incremental-'), 'dist'), cacheDir: tempDir('status-ledger-incremental-cache-') };
  let now = START;
  const first = build(root, place, now);
  if (!first.ok) throw new Error(`the first build failed:\n${first.output}`);
  const done: string[] = [];
  for (const [index, step] of steps.entries()) {
    const applied = await applyStep(content, now, step, index + 1);
    now = applied.now;
    done.push(`${step.kind}: ${applied.did} (now ${new Date(now * 1000).toISOString()})`);
    const run = build(root, place, now);
    if (!run.ok) throw new Error(`the incremental build after ${done.join('; ')} failed:\n${run.output}`);
    if (process.env.STATUS_IDENTITY_LOG) console.log(`${done.at(-1)}: ${run.rendered.length} rendered, ${run.reused} from the last build`);
    const differences = differencesFromClean(root, content, place.outDir, now);
    if (differences.length > 0) return { step: done.join('\n  '), differences };
  }
  return undefined;
}

/**
 * Every kind of edit once, in a random order, each with a random pick; the
 * support window is crossed before a month or ninety days go by, while the
 * severe incident of the starting site is still inside it.
 */
const steps = fc
  .shuffledSubarray([...EDITS], { minLength: EDITS.length, maxLength: EDITS.length })
  .map((kinds): EditKind[] => {
    const rest: EditKind[] = kinds.filter((kind) => kind !== 'support');
    const before = Math.min(rest.indexOf('month'), rest.indexOf('window'), kinds.indexOf('support'));
    return rest.toSpliced(before, 0, 'support');
  })
  .chain((kinds) => fc.tuple(...kinds.map((kind) => fc.nat({ max: 10_000 }).map((pick): Step => ({ kind, pick })))));

describe('an incremental build', () => {
  it('writes the very files a clean build of the same content and now writes, after each edit of any sequence', { timeout: 40 * 60_000 }, async () => {
    const root = temporary(copyProject());
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        const failed = await replay(root, sequence);
        if (failed) {
          throw new Error(
            `after the steps [${describeSteps(sequence)}]:\n  ${failed.step}\nthe incremental build differs from a clean one in ${failed.differences.length} files:\n  ${failed.differences.slice(0, 12).join('\n  ')}`,
          );
        }
      }),
      // Shrinking would rebuild the site for every smaller sequence: the failing one is printed instead.
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('is caught when a page key leaves out something the page shows (a planted bug: the support offer)', { timeout: 20 * 60_000 }, async () => {
    const root = temporary(copyProject({
      'src/site/page-keys.ts': (text) => text.replace('const { entry, ...rest } = view as { entry?: object };', 'const { entry, support: _planted, ...rest } = view as { entry?: object; support?: unknown };'),
    }));
    const failed = await replay(root, [{ kind: 'support', pick: 0 }]);
    expect(failed?.differences).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^incidents/${OSS_OUTAGE_ID}/index\\.html: differs`)), expect.stringMatching(new RegExp(`^en/incidents/${OSS_OUTAGE_ID}/index\\.html: differs`))]),
    );
  });
});
