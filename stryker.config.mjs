// @ts-check
/**
 * Mutation testing of the core and the rules (`npm run mutate`, not part of
 * `npm test`): the websocket message handling and the room, the policy, the
 * verslag links and model, the register CSV and the text escaping of the
 * verslag. Report: reports/mutation/ (ignored by git). Scores: README.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: (process.env.MUTATE ?? [
    'server/core/messages.ts',
    'server/core/Room.ts',
    'server/access/policy.ts',
    'server/verslag/verslagLinks.ts',
    'server/verslag/buildVerslag.ts',
    'server/regelruimte/renderRegisterCsv.ts',
    // escapeMarkdown and escapeCell; escapeHtml
    'server/verslag/render/renderMarkdown.ts:10-23',
    'server/verslag/render/renderHtml.ts:10-17',
  ].join(',')).split(','),
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) would each run every test: skipped.
  ignoreStatic: true,
  // String literals here are log and error messages (the escaping and CSV rules
  // live in regular expressions and comparisons, which stay mutated).
  mutator: { excludedMutations: ['StringLiteral'] },
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  ignorePatterns: ['dist', 'test-results', 'reports', 'data', '.tmp'],
  thresholds: { high: 80, low: 60, break: null },
}
export default config
