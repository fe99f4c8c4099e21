import { defineConfig } from 'vitest/config';

// Three projects, so that running one unit test file builds nothing: only the
// build-output tests (test/build) need every fixture site built first, and
// the incremental build's property test (test/incremental) builds a small
// site a few dozen times in a copy of the project. The browser tests have
// their own config (vitest.browser.config.ts).
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
          exclude: ['test/build/**', 'test/browser/**', 'test/incremental/**'],
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
      {
        extends: true,
        test: {
          name: 'incremental',
          include: ['test/incremental/**/*.test.ts'],
        },
      },
    ],
  },
});
