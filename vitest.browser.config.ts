import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the built sample site in Debian's Chromium.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/setup.ts'],
    // One Chromium at a time: Lighthouse's timings need the machine's two cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
