/** The short-link store (SPEC M7) on every kind of backend. */
import type { StoreDefinition } from '../core/storage/Backend'
import { MemoryShortLinkStore } from './MemoryShortLinkStore'
import type { ShortLinkStore } from './ShortLinkStore'
import { PgShortLinkStore } from './PgShortLinkStore'
import { SHORT_LINK_MIGRATIONS } from './shortLinkRows'
import { SqliteShortLinkStore } from './SqliteShortLinkStore'

export const SHORT_LINK_STORES: StoreDefinition<ShortLinkStore> = {
  name: 'shortLinks',
  memory: () => new MemoryShortLinkStore(),
  sqlite: { migrations: SHORT_LINK_MIGRATIONS, open: (db) => new SqliteShortLinkStore(db) },
  postgres: { migrations: SHORT_LINK_MIGRATIONS, open: (db) => new PgShortLinkStore(db) },
}
