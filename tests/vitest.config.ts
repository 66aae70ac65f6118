import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['integration/**/*.spec.ts', 'e2e/**/*.e2e-spec.ts'],
    globalSetup: ['support/global-setup.ts'],
    setupFiles: ['support/worker-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file starts its own api process and database: two at a time on two cores.
    maxWorkers: 2,
  },
});
