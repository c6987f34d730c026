import { defineConfig } from 'vitest/config';

// Engine tests talk to a real dockerd: allow them time, and never retry a failure away.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    retry: 0,
    // the JSON report feeds the one-line total that scripts/test-summary.mjs prints after all packages ran
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
