import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['__tests__/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // End-to-end tests share one Docker engine, registry and cache service:
        // run them one file at a time.
        test: {
          name: 'e2e',
          include: ['__tests__/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
