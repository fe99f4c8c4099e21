/**
 * npm run bench [-- [--commands | --builds | --incremental | --publish] [--runs N] [--bilingual] 1000 10000 50000 100000]
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
 * `--incremental` measures rebuilds instead (no floor, no commands): a clean
 * build (median of N), then, on its output and cache, the rebuild 15 minutes
 * later with nothing new (median of N), and the rebuild after one update to
 * an ongoing incident (median of N), each with how many files it wrote.
 * `--publish` measures the workflow's path from a content push to the
 * artifact it deploys (scripts/bench/publish-path.ts).
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
const incremental = args.includes('--incremental');
const publish = args.includes('--publish');
const bilingual = args.includes('--bilingual');
const runsAt = args.indexOf('--runs');
const RUNS = runsAt === -1 ? 3 : Number(args[runsAt + 1]);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs takes a whole number of builds, not '${args[runsAt + 1]}'`);
const sizes = args.filter((_, index) => index !== runsAt + 1 || runsAt === -1).map(Number).filter((size) => size > 0);
/** Whether sizes were given (`--publish` measures the sample content without one). */
const sized = sizes.length > 0;
if (!sized) sizes.push(1000, 10000);
const project = process.cwd();

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** What measure-build.ts reports of one build (and, given the output folder, how many of its files it wrote). */
interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
  written?: number;
  files?: number;
}

/** Builds `root` in a fresh process with `env` (and a heap of `heapMB`, else Node's default); with `outDir`, counts the files it wrote. */
function measureBuild(root: string, env: Record<string, string>, heapMB?: number, outDir?: string): Measured {
  const heap = heapMB === undefined ? [] : [`--max-old-space-size=${heapMB}`];
  const result = spawnSync(process.execPath, [...heap, path.join(project, 'scripts/bench/measure-build.ts'), root, ...(outDir ? [outDir] : [])], {
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

/** Builds of one size for `--incremental`: clean ones, then rebuilds with nothing new, then rebuilds after one update. */
interface Rebuilds {
  clean: Measured[];
  quiet: Measured[];
  update: Measured[];
}

/**
 * Measures rebuilds on generated content: opens an incident at the content's
 * now (as an editor does at the start of an outage), builds clean RUNS
 * times (the last one's output and cache are kept), then rebuilds RUNS times
 * 15 minutes apart with nothing new (the scheduled rebuild), then RUNS times
 * a minute apart, each after one update to the open incident.
 */
function rebuildTimes(work: string, contentDir: string, epoch: number): Rebuilds {
  let now = epoch;
  const env = () => ({ STATUS_CONTENT_DIR: contentDir, SOURCE_DATE_EPOCH: String(now) });
  const opened = runNode([path.join(project, 'scripts/new.ts'), 'Bench outage', '--services', 'compute-hangzhou', '--level', 'partial-outage'], env());
  const id = path.basename(opened.stdout.trim().replace(/^wrote /, ''), '.md');
  const place = (run: number) => ({ STATUS_OUT_DIR: path.join(work, `dist-${run}`), STATUS_CACHE_DIR: path.join(work, `cache-${run}`) });
  const clean: Measured[] = [];
  for (let run = 0; run < RUNS; run++) {
    if (run > 0) for (const dir of Object.values(place(run - 1))) rmSync(dir, { recursive: true, force: true });
    const measured = measureBuild(project, { ...env(), ...place(run) }, undefined, place(run).STATUS_OUT_DIR);
    console.error(`  clean ${run + 1}: ${measured.seconds.toFixed(1)} s (CPU ${measured.cpuSeconds.toFixed(1)} s), ${measured.peakMB.toFixed(0)} MB, ${measured.written} files`);
    clean.push(measured);
  }
  const kept = place(RUNS - 1);
  const rebuild = (label: string) => {
    const measured = measureBuild(project, { ...env(), ...kept }, undefined, kept.STATUS_OUT_DIR);
    console.error(`  ${label}: ${measured.seconds.toFixed(1)} s (CPU ${measured.cpuSeconds.toFixed(1)} s), ${measured.peakMB.toFixed(0)} MB, wrote ${measured.written} of ${measured.files} files`);
    return measured;
  };
  const quiet: Measured[] = [];
  for (let run = 0; run < RUNS; run++) {
    now += 15 * 60;
    quiet.push(rebuild(`nothing new ${run + 1}`));
  }
  const update: Measured[] = [];
  for (let run = 0; run < RUNS; run++) {
    now += 60;
    runNode([path.join(project, 'scripts/update.ts'), id, run % 2 === 0 ? 'identified' : 'monitoring', `Bench update ${run + 1}: rolling back the change.`], env());
    update.push(rebuild(`one update ${run + 1}`));
  }
  return { clean, quiet, update };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const seconds = (value: number) => `${value.toFixed(2)} s`;
const rows: string[][] = [];
const commandRows: string[][] = [];
const rebuildRows: string[][] = [];
const results: { size: number; build: number }[] = [];

if (publish) {
  const { publishPath } = await import('./bench/publish-path.ts');
  await publishPath(project, { size: sized ? sizes[0] : undefined, runs: RUNS });
  process.exit(0);
}

for (const size of sizes) {
  const work = mkdtempSync(path.join(tmpdir(), `status-ledger-bench-${size}-`));
  const generated = generateContent(path.join(work, 'content'), size, { bilingual });
  const env = { STATUS_CONTENT_DIR: generated.dir, SOURCE_DATE_EPOCH: String(generated.now) };
  console.error(`${size} incidents${bilingual ? ` (${generated.translations} translated)` : ''} in ${generated.dir}`);

  if (incremental) {
    const { clean, quiet, update } = rebuildTimes(work, generated.dir, generated.now);
    const cleanCpu = median(clean.map((run) => run.cpuSeconds));
    const cleanWall = median(clean.map((run) => run.seconds));
    const cell = (runs: Measured[]) => {
      const wall = median(runs.map((run) => run.seconds));
      const cpu = median(runs.map((run) => run.cpuSeconds));
      return [`${wall.toFixed(1)} s (${(wall / cleanWall).toFixed(2)}×)`, `${cpu.toFixed(1)} s (${(cpu / cleanCpu).toFixed(2)}×)`, String(median(runs.map((run) => run.written ?? 0)))];
    };
    rebuildRows.push([
      String(size),
      `${cleanWall.toFixed(1)} s`,
      `${cleanCpu.toFixed(1)} s`,
      `${clean.reduce((peak, run) => Math.max(peak, run.peakMB), 0).toFixed(0)} MB`,
      ...cell(update),
      ...cell(quiet),
      `${[...update, ...quiet].reduce((peak, run) => Math.max(peak, run.peakMB), 0).toFixed(0)} MB`,
      String(clean[0]!.files),
    ]);
    rmSync(work, { recursive: true, force: true });
    continue;
  }

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

if (rebuildRows.length > 0) {
  table(
    [
      'incidents',
      `clean build (median of ${RUNS})`,
      'clean CPU',
      'clean peak',
      'one update: wall (÷ clean)',
      'CPU (÷ clean)',
      'files written',
      'nothing new, 15 min later: wall (÷ clean)',
      'CPU (÷ clean)',
      'files written',
      'rebuild peak',
      'files',
    ],
    rebuildRows,
  );
  console.log('');
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
