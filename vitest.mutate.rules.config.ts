/**
 * The tests Stryker runs against the rules (group `rules` of
 * stryker.config.mjs): pure unit tests about them, cheapest first, so that
 * the fixture round trips (seconds of loading) run only for the mutants that
 * every quicker test lets through.
 */
import { defineConfig } from 'vitest/config'
import { includeOrder } from './vitest.mutate.sequencer'

const include = [
  'test/unit/access.policy.test.ts',
  'test/unit/accounts.policy.test.ts',
  'test/unit/regelruimte.test.ts',
  'test/unit/verslag.rules.test.ts',
  'test/unit/verslag.build.test.ts',
  'test/unit/verslag.order.test.ts',
  'test/unit/verslag.render.test.ts',
  'test/unit/verslag.roundtrip.test.ts',
]

export default defineConfig({
  test: {
    include,
    sequence: { sequencer: includeOrder(include) },
    // Stryker runs the covering tests once per mutant in one worker: files
    // share their imports within a run (mutants are switched at run time;
    // static ones are not mutated).
    isolate: false,
    testTimeout: 10_000,
  },
})
