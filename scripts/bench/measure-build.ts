/**
 * Builds one Astro project in this process and prints its wall time and peak
 * resident memory as JSON: `{ "seconds": …, "peakMB": … }`.
 * Usage: node scripts/bench/measure-build.ts <project root>
 */
import { build } from 'astro';

const root = process.argv[2] ?? '.';
const started = performance.now();
await build({ root, logLevel: 'error' });
const seconds = (performance.now() - started) / 1000;
// maxRSS is in kilobytes.
console.log(JSON.stringify({ seconds, peakMB: process.resourceUsage().maxRSS / 1024 }));
