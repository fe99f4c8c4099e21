/**
 * Builds one Astro project in this process and prints its wall time, CPU
 * time (user and system, every thread) and peak resident memory as JSON:
 * `{ "seconds": …, "cpuSeconds": …, "peakMB": … }`. On a machine others share,
 * CPU time moves less than wall time. With an output folder, also how many
 * files the build wrote (`written`, modified since it started) of how many
 * there are (`files`): an incremental build leaves the others as they were.
 * Usage: node scripts/bench/measure-build.ts <project root> [<output folder>]
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'astro';

const root = process.argv[2] ?? '.';
const outDir = process.argv[3];
const startedAt = Date.now();
const started = performance.now();
await build({ root, logLevel: 'error' });
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
const counts: { written?: number; files?: number } = {};
if (outDir) {
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  counts.files = files.length;
  counts.written = files.filter((entry) => statSync(path.join(entry.parentPath, entry.name)).mtimeMs >= startedAt).length;
}
// CPU times are in microseconds, maxRSS in kilobytes.
console.log(JSON.stringify({ seconds, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakMB: usage.maxRSS / 1024, ...counts }));
