/**
 * npm run bench [-- [--commands | --builds] [--runs N] [--bilingual] 1000 10000 50000 100000]
 *
 * Generates synthetic content (50 services, ten years) for each size, then
 * measures: the build (median of 3 runs, peak memory), the same files through a
 * bare Astro site (the floor), the engine alone, `npm run check`'s content
 * validation, and the output (pages, sizes); and the editor commands (`new`,
 * `update`, `resolve`, median of 5) beside a bare `node -e 0` start. Prints
 * two tables. `--commands` measures the commands only (no builds), `--builds`
 * the builds only; `--runs N` builds each N times (the median; 1 at 100,000
 * incidents saves a quarter of an hour).
 *
 * `--bilingual` generates the history of a site in two languages (zh-CN
 * first, English translations beside some incidents) and a floor that builds
 * as many pages (every incident at the root and under /en/). Our build of it
 * needs the reader for translations, so it is not part of the default run.
 *
 * Every build is a fresh process with its own output and cache folders. Ours
 * runs with Node's default heap limit (about 4 GB here), so a build that
 * needs more fails; the floor, which keeps every rendered incident in
 * Astro's data store, gets FLOOR_HEAP_MB. Peak memory is the process's
 * resident maximum.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readContentFiles, resolveContent } from '../src/contract/load-content.ts';
import { computeLedger } from '../src/core/ledger.ts';
import { writeFloorProject } from './bench/floor-project.ts';
import { generateContent } from './bench/generate-content.ts';

const COMMAND_RUNS = 5;
/** The heap the floor's build may grow to, in MB: beyond Node's default (about 4 GB here), so the floor is measured, not stopped. Ours has the default. */
const FLOOR_HEAP_MB = 16384;
const args = process.argv.slice(2);
const commandsOnly = args.includes('--commands');
const buildsOnly = args.includes('--builds');
const bilingual = args.includes('--bilingual');
const runsAt = args.indexOf('--runs');
const RUNS = runsAt === -1 ? 3 : Number(args[runsAt + 1]);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs takes a whole number of builds, not '${args[runsAt + 1]}'`);
const sizes = args.filter((arg, index) => index !== runsAt + 1 || runsAt === -1).map(Number).filter((size) => size > 0);
if (sizes.length === 0) sizes.push(1000, 10000);
const project = process.cwd();

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** What measure-build.ts reports of one build. */
interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
}

/** Builds `root` in a fresh process with `env` (and a heap of `heapMB`, else Node's default). */
function measureBuild(root: string, env: Record<string, string>, heapMB?: number): Measured {
  const heap = heapMB === undefined ? [] : [`--max-old-space-size=${heapMB}`];
  const result = spawnSync(process.execPath, [...heap, path.join(project, 'scripts/bench/measure-build.ts'), root], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`build of ${root} failed:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

/** Runs `node args` in a fresh process; returns its wall time in seconds and what it printed. */
function runNode(args: string[], env: Record<string, string>): { seconds: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr}`);
  return { seconds: (performance.now() - started) / 1000, stdout: result.stdout };
}

function timeCommand(args: string[], env: Record<string, string>): number {
  return runNode(args, env).seconds;
}

/**
 * The editor commands as an editor runs them during an outage, each a fresh
 * process on the generated history: `new` opens an incident, `update` posts
 * to it, `resolve` closes it; median of COMMAND_RUNS, next to a bare start.
 */
function commandTimes(env: Record<string, string>): { bare: number; new: number; update: number; resolve: number } {
  const script = (name: string) => path.join(project, 'scripts', `${name}.ts`);
  const times = { bare: [] as number[], new: [] as number[], update: [] as number[], resolve: [] as number[] };
  for (let run = 1; run <= COMMAND_RUNS; run++) {
    times.bare.push(timeCommand(['-e', '0'], env));
    const opened = runNode([script('new'), `Bench command ${run}`, '--services', 'compute-hangzhou', '--level', 'partial-outage'], env);
    times.new.push(opened.seconds);
    const id = path.basename(opened.stdout.trim().replace(/^wrote /, ''), '.md');
    times.update.push(timeCommand([script('update'), id, 'identified', 'A bad deploy; rolling it back.'], env));
    times.resolve.push(timeCommand([script('resolve'), id, 'Rolled back everywhere.'], env));
  }
  return { bare: median(times.bare), new: median(times.new), update: median(times.update), resolve: median(times.resolve) };
}

function outputStats(dir: string) {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file: path.relative(dir, file), bytes: statSync(file).size };
    });
  const pages = files.filter((file) => file.file.endsWith('.html'));
  const largest = (list: typeof files) => list.reduce((max, file) => (file.bytes > max.bytes ? file : max), { file: '-', bytes: 0 });
  return {
    pages: pages.length,
    totalMB: files.reduce((sum, file) => sum + file.bytes, 0) / 1024 / 1024,
    homeKB: files.find((file) => file.file === 'index.html')!.bytes / 1024,
    largestPage: largest(pages),
    largestJson: largest(files.filter((file) => file.file.endsWith('.json'))),
    largestFeed: largest(files.filter((file) => file.file.endsWith('.xml') && file.file.includes('rss'))),
  };
}

/**
 * Reads and validates the folder in this process (once), then
 * computes the ledger (median of 5): seconds each. In a function of its own
 * so the content can be collected before the builds start.
 */
async function engineTimes(dir: string, now: number): Promise<{ load: number; engine: number }> {
  const loadStarted = performance.now();
  const { content, problems } = resolveContent(await readContentFiles(dir), now);
  const load = (performance.now() - loadStarted) / 1000;
  if (problems.length > 0) throw new Error(`generated content has problems: ${problems.length}, the first: ${JSON.stringify(problems[0])}`);
  const engine = median(
    Array.from({ length: 5 }, () => {
      const started = performance.now();
      computeLedger(content, now);
      return (performance.now() - started) / 1000;
    }),
  );
  return { load, engine };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const seconds = (value: number) => `${value.toFixed(2)} s`;
const rows: string[][] = [];
const commandRows: string[][] = [];
const results: { size: number; build: number }[] = [];

for (const size of sizes) {
  const work = mkdtempSync(path.join(tmpdir(), `status-ledger-bench-${size}-`));
  const generated = generateContent(path.join(work, 'content'), size, { bilingual });
  const env = { STATUS_CONTENT_DIR: generated.dir, SOURCE_DATE_EPOCH: String(generated.now) };
  console.error(`${size} incidents${bilingual ? ` (${generated.translations} translated)` : ''} in ${generated.dir}`);

  if (!buildsOnly) {
    const commands = commandTimes(env);
    const above = (value: number) => `${seconds(value)} (+${(value - commands.bare).toFixed(2)})`;
    commandRows.push([String(size), seconds(commands.bare), above(commands.new), above(commands.update), above(commands.resolve)]);
    console.error(`  commands: bare ${seconds(commands.bare)}, new ${seconds(commands.new)}, update ${seconds(commands.update)}, resolve ${seconds(commands.resolve)}`);
  }
  if (commandsOnly) {
    rmSync(work, { recursive: true, force: true });
    continue;
  }

  const check = median(Array.from({ length: RUNS }, () => timeCommand([path.join(project, 'scripts/check-content.ts')], env)));

  const { load, engine } = await engineTimes(generated.dir, generated.now * 1000);

  const floorDir = path.join(work, 'floor');
  writeFloorProject(floorDir, generated.dir, path.join(project, 'node_modules'), { languages: bilingual ? ['en'] : [] });
  // Ours and the floor take turns, so a change in the machine's load falls on both.
  const ours: Measured[] = [];
  const floor: Measured[] = [];
  for (let run = 0; run < RUNS; run++) {
    const outDir = path.join(work, `dist-${run}`);
    const measured = measureBuild(project, { ...env, STATUS_OUT_DIR: outDir, STATUS_CACHE_DIR: path.join(work, `cache-${run}`) });
    console.error(`  build ${run + 1}: ${measured.seconds.toFixed(1)} s (CPU ${measured.cpuSeconds.toFixed(1)} s), ${measured.peakMB.toFixed(0)} MB`);
    ours.push(measured);
    // One output is enough to count pages and sizes: at 100,000 incidents each is 2 GB.
    if (run > 0) rmSync(outDir, { recursive: true, force: true });

    rmSync(path.join(floorDir, 'dist'), { recursive: true, force: true });
    rmSync(path.join(floorDir, 'node_modules', '.astro'), { recursive: true, force: true });
    rmSync(path.join(floorDir, '.astro'), { recursive: true, force: true });
    const floored = measureBuild(floorDir, {}, FLOOR_HEAP_MB);
    console.error(`  floor ${run + 1}: ${floored.seconds.toFixed(1)} s (CPU ${floored.cpuSeconds.toFixed(1)} s), ${floored.peakMB.toFixed(0)} MB`);
    floor.push(floored);
  }
  const stats = outputStats(path.join(work, 'dist-0'));

  const build = median(ours.map((run) => run.seconds));
  const floorSeconds = median(floor.map((run) => run.seconds));
  const cpuRatio = median(ours.map((run) => run.cpuSeconds)) / median(floor.map((run) => run.cpuSeconds));
  results.push({ size, build });
  rows.push([
    String(size),
    `${build.toFixed(1)} s`,
    `${floorSeconds.toFixed(1)} s`,
    `${(build / floorSeconds).toFixed(2)}×`,
    `${cpuRatio.toFixed(2)}×`,
    `${ours.reduce((peak, run) => Math.max(peak, run.peakMB), 0).toFixed(0)} MB`,
    `${floor.reduce((peak, run) => Math.max(peak, run.peakMB), 0).toFixed(0)} MB`,
    `${(load * 1000).toFixed(0)} ms`,
    `${(engine * 1000).toFixed(0)} ms`,
    `${check.toFixed(2)} s`,
    String(stats.pages),
    `${stats.totalMB.toFixed(1)} MB`,
    `${stats.homeKB.toFixed(0)} KB`,
    `${kb(stats.largestPage.bytes)} ${stats.largestPage.file}`,
    `${kb(stats.largestJson.bytes)} ${stats.largestJson.file}`,
    `${kb(stats.largestFeed.bytes)} ${stats.largestFeed.file}`,
  ]);
  rmSync(work, { recursive: true, force: true });
}

/** Prints a Markdown table. */
function table(header: string[], body: string[][]): void {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const row of body) console.log(`| ${row.join(' | ')} |`);
}

if (rows.length > 0) {
  table(['incidents', `build (median of ${RUNS})`, 'floor', 'build ÷ floor', 'CPU ÷ floor', 'peak memory', 'floor peak', 'read + validate', 'engine', 'check', 'pages', 'output', 'home page', 'largest page', 'largest JSON', 'largest feed'], rows);
  console.log('');
}
if (commandRows.length > 0) table(['incidents', 'bare `node -e 0`', '`new` (above bare)', '`update` (above bare)', '`resolve` (above bare)'], commandRows);
if (results.length > 1) {
  const [small, large] = [results[0]!, results.at(-1)!];
  const growth = large.build / small.build;
  console.log(`\nbuild time grows ${growth.toFixed(2)}× for ${(large.size / small.size).toFixed(0)}× the incidents (linear or better: ≤ ${(large.size / small.size).toFixed(0)}×)`);
}
