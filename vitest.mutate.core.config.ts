/**
 * The tests Stryker runs against the core (group `core` of
 * stryker.config.mjs): in-process servers with real websockets. Not the
 * tests that spawn a server process (they would run the unmutated code).
 */
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'test/integration/yjs.invalidFrames.test.ts',
      'test/integration/yjs.readOnly.test.ts',
      'test/integration/yjs.refusals.test.ts',
      'test/integration/yjs.apiSticky.test.ts',
      'test/integration/yjs.converge.test.ts',
      'test/integration/yjs.malformedRecords.test.ts',
      'test/integration/yjs.rateLimit.test.ts',
      'test/integration/rooms.lifecycle.test.ts',
      'test/integration/rooms.durability.memory.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
