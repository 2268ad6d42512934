import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
    // Two cores: browser and server-process tests contend for them.
    maxWorkers: 2,
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
