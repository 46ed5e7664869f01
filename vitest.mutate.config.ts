/**
 * The tests Stryker runs (`npm run mutate`): the unit and in-process
 * integration tests of the mutated files. Not the e2e tests (a browser per
 * mutant), not the tests that spawn a server process (they would run the
 * unmutated code), and not the full authorization matrix (the policy's own
 * unit test and the websocket access tests cover it in seconds).
 */
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'test/unit/access.policy.test.ts',
      'test/unit/verslag.build.test.ts',
      'test/unit/verslag.render.test.ts',
      'test/unit/regelruimte.test.ts',
      'test/integration/yjs.invalidFrames.test.ts',
      'test/integration/yjs.readOnly.test.ts',
      'test/integration/yjs.refusals.test.ts',
      'test/integration/yjs.apiSticky.test.ts',
      'test/integration/yjs.converge.test.ts',
      'test/integration/yjs.malformedRecords.test.ts',
      'test/integration/yjs.rateLimit.test.ts',
      'test/integration/yjs.slowReader.test.ts',
      'test/integration/rooms.lifecycle.test.ts',
      'test/integration/rooms.durability.memory.test.ts',
      'test/integration/access.websocket.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
