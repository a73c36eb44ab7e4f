import { defineConfig } from 'vitest/config';

// `npm run fuzz`: the schema-derived route fuzzer (test/fuzz), kept out of `npm test`.
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.fuzz.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 15 * 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
