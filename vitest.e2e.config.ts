import { defineConfig } from 'vitest/config';

// End-to-end and build-output tests: run after `wxt build`, in Node, one file at a time (one browser and
// one sandbox on fixed loopback ports at a time).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    retry: 0,
  },
});
