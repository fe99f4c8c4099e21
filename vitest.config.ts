import { defineConfig } from 'vitest/config';

// Two projects, so that running one unit test file builds nothing: only the
// build-output tests (test/build) need every fixture site built first. The
// browser tests have their own config (vitest.browser.config.ts).
export default defineConfig({
  test: {
    // Build-output tests run `astro build`; give them room on a 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 240_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/build/**', 'test/browser/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          globalSetup: ['test/build/global-setup.ts'],
        },
      },
    ],
  },
});
