import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts'],
    // Model fits and property runs are CPU-bound; CI machines are small and shared.
    testTimeout: 30_000,
  },
});
