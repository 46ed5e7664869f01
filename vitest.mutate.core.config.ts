/**
 * The tests Stryker runs against the core (group `core` of
 * stryker.config.mjs): in-process servers with real websockets, each test a
 * second or less. Not the tests that spawn a server process (they would run
 * the unmutated code), nor the slow ones about other parts (the 1013 close of
 * a slow reader is the connection's, not the room's; the SQLite durability
 * suite is the memory one on another store).
 */
import { defineConfig } from 'vitest/config'
import { includeOrder } from './vitest.mutate.sequencer'

/** Quickest first. */
const include = [
  'test/unit/messages.emptyUpdate.test.ts',
  'test/integration/yjs.readOnly.test.ts',
  'test/integration/rooms.initialSync.test.ts',
  'test/integration/yjs.converge.test.ts',
  'test/integration/yjs.invalidFrames.test.ts',
  'test/integration/rooms.durability.memory.test.ts',
  'test/integration/yjs.apiSticky.test.ts',
  'test/integration/yjs.rateLimit.test.ts',
  'test/integration/yjs.malformedRecords.test.ts',
  'test/integration/rooms.lifecycle.test.ts',
  'test/integration/yjs.refusals.test.ts',
  'test/integration/yjs.storedBeforeSent.test.ts',
  'test/integration/core.extensions.test.ts',
  // S1 through the API: a change whose save failed is a 503 (the room's updateCount and unsaved).
  'test/integration/api.storageFailure.test.ts',
  // Last: what only they check (P20 ownership, S5 thresholds, L2 estimate) is killed by them alone.
  'test/integration/rooms.presence.test.ts',
  'test/integration/rooms.compaction.test.ts',
]

export default defineConfig({
  test: {
    include,
    sequence: { sequencer: includeOrder(include) },
    // One worker per mutant run for all its files: the server's modules load
    // once per run, not once per file (mutants are switched at run time;
    // static ones are not mutated).
    isolate: false,
    fileParallelism: false,
    // A mutant that makes a test wait for what never comes fails it here
    // (the waits in the tests give up after 5 s) instead of at Stryker's timeout.
    testTimeout: 10_000,
    hookTimeout: 15_000,
  },
})
