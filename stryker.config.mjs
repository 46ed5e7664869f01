// @ts-check
/**
 * Mutation testing of the core and the rules (`npm run mutate`, not part of
 * `npm test`; scripts/mutate.mjs runs the groups below one after the other).
 * Each group mutates its files against only the tests that are about them
 * (vitest.mutate.<group>.config.ts), and each mutant runs only the tests
 * that reach it (perTest coverage), so that the whole run fits in 30
 * minutes on two busy cores (README, "Mutation testing"). Reports: reports/mutation/<group>/ (ignored by git). Scores: README.
 */
export const GROUPS = {
  // The rules: pure functions, their unit tests.
  rules: {
    mutate: [
      'server/access/policy.ts',
      'server/verslag/verslagLinks.ts',
      // placement, dedicated sheets (V1, V3), nesting (V4) and the sections
      // (V1, V2, V6, V7); not the header fields and agenda lines after them
      'server/verslag/buildVerslag.ts:51-92',
      'server/verslag/buildVerslag.ts:119-305',
      'server/regelruimte/renderRegisterCsv.ts',
      // escapeMarkdown and escapeCell; escapeHtml
      'server/verslag/render/renderMarkdown.ts:10-23',
      'server/verslag/render/renderHtml.ts:10-17',
    ],
    vitestConfig: 'vitest.mutate.rules.config.ts',
  },
  // The core: websocket message handling and the room, against a real server in-process.
  core: {
    mutate: [
      'server/core/messages.ts',
      // The room, but not what runs only between instances over Redis
      // (applyRemoteAwareness, compactShared: K3, K4), which only
      // test/integration/cluster.test.ts reaches, in child processes.
      'server/core/Room.ts:94-311',
      'server/core/Room.ts:320-401',
      'server/core/Room.ts:448-459',
    ],
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
  // A mutant that hangs is cut off after 1.5 × its tests' time plus 10 s (its
  // tests' own waits give up after 5 s and fail it sooner). The tests' time is
  // measured once, at the start: on a machine that gets busier meanwhile, raise
  // the 10 s (MUTATE_TIMEOUT_MS=60000) or slow mutants count as timed out.
  timeoutMS: Number(process.env.MUTATE_TIMEOUT_MS ?? 10_000),
  timeoutFactor: 1.5,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  tempDirName: `.stryker-tmp/${name}`,
  cleanTempDir: true,
  ignorePatterns: ['dist', 'test-results', 'reports', 'data', '.tmp', '.stryker-tmp'],
  thresholds: { high: 80, low: 60, break: null },
}
export default config
