/**
 * Builds one Astro project in this process and prints its wall time, CPU
 * time (user and system, every thread) and peak resident memory as JSON:
 * `{ "seconds": …, "cpuSeconds": …, "peakMB": … }`. On a machine others share,
 * CPU time moves less than wall time.
 * Usage: node scripts/bench/measure-build.ts <project root>
 */
import { build } from 'astro';

const root = process.argv[2] ?? '.';
const started = performance.now();
await build({ root, logLevel: 'error' });
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
// CPU times are in microseconds, maxRSS in kilobytes.
console.log(JSON.stringify({ seconds, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakMB: usage.maxRSS / 1024 }));
