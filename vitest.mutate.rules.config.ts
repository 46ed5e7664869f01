/** The tests Stryker runs against the rules (group `rules` of stryker.config.mjs): pure unit tests. */
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'test/unit/access.policy.test.ts',
      'test/unit/verslag.build.test.ts',
      'test/unit/verslag.render.test.ts',
      'test/unit/verslag.roundtrip.test.ts',
      'test/unit/regelruimte.test.ts',
      'test/unit/verslag.rules.test.ts',
    ],
    testTimeout: 30_000,
  },
})
