import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // type-graphql and Apollo load graphql's CJS build; without this alias our ESM sources
    // would get graphql's .mjs build: "Cannot use GraphQLObjectType from another module or realm".
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Unit specs beside their modules; end-to-end suites (a database, a stack) under tests/<area>/.
    include: ['subgraphs/*/src/**/*.test.ts', 'gateway/src/**/*.test.ts', 'dashboard/src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: files in parallel would fight over CPU and PostgreSQL; each file starts its own stack.
    fileParallelism: false,
    pool: 'forks',
    // .ci/run reads the counts from this report to print its closing "N passed, N failed" line.
    reporters: process.env.VITEST_JSON_REPORT ? ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT }]] : ['default'],
  },
});
