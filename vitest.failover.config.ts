import { defineConfig } from 'vitest/config';

// `npm run test:failover`: primary + synchronous standby built here, primary killed under load (test/failover).
export default defineConfig({
  test: {
    include: ['test/failover/**/*.ha.ts'],
    testTimeout: 15 * 60_000,
    hookTimeout: 15 * 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
