import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
    globalSetup: ['test/build/global-setup.ts'],
    // Build-output tests run `astro build`; give them room on a 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 240_000,
  },
});
