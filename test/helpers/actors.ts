import type { Actor } from '../../server/access/Actor'

/** A plain actor for tests that inject their own auth hooks. */
export const ANONYMOUS_ACTOR_FOR_TESTS: Actor = { id: 'anonymous', kind: 'anonymous' }

/** A coördinator of every themagroep, for tests that inject their own auth hooks and write (W16). */
export const WRITER_ACTOR_FOR_TESTS: Actor = { id: 'admin', kind: 'admin' }
