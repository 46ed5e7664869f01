// @ts-check
/**
 * Mutation testing of the core and the rules (`npm run mutate`, not part of
 * `npm test`; scripts/mutate.mjs runs the groups below one after the other).
 * Each group mutates its files against only the tests that are about them,
 * so that one mutant costs a fraction of a second (the pure rules) or one
 * in-process server (the core), and the whole run fits in 30 minutes on two
 * cores. Reports: reports/mutation/<group>/ (ignored by git). Scores: README.
 */
export const GROUPS = {
  // The rules: pure functions, their unit tests.
  rules: {
    mutate: [
      'server/access/policy.ts',
      'server/verslag/verslagLinks.ts',
      'server/verslag/buildVerslag.ts',
      'server/regelruimte/renderRegisterCsv.ts',
      // escapeMarkdown and escapeCell; escapeHtml
      'server/verslag/render/renderMarkdown.ts:10-23',
      'server/verslag/render/renderHtml.ts:10-17',
    ],
    vitestConfig: 'vitest.mutate.rules.config.ts',
  },
  // The core: websocket message handling and the room, against a real server in-process.
  core: {
    mutate: ['server/core/messages.ts', 'server/core/Room.ts'],
    vitestConfig: 'vitest.mutate.core.config.ts',
  },
}

const group = GROUPS[/** @type {keyof typeof GROUPS} */ (process.env.MUTATE_GROUP ?? 'rules')]
if (!group) throw new Error(`MUTATE_GROUP must be one of ${Object.keys(GROUPS).join(', ')}`)
const name = process.env.MUTATE_GROUP ?? 'rules'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: group.vitestConfig },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: process.env.MUTATE ? process.env.MUTATE.split(',') : group.mutate,
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) would each run every test: skipped.
  ignoreStatic: true,
  // String literals here are log and error messages (the escaping and CSV rules
  // live in regular expressions and comparisons, which stay mutated).
  mutator: { excludedMutations: ['StringLiteral'] },
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  tempDirName: `.stryker-tmp/${name}`,
  cleanTempDir: true,
  ignorePatterns: ['dist', 'test-results', 'reports', 'data', '.tmp'],
  thresholds: { high: 80, low: 60, break: null },
}
export default config
