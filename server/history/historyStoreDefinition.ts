/** The board's versions on every kind of backend (SPEC H4). */
import type { StoreDefinition } from '../core/storage/Backend'
import type { HistoryStore } from './HistoryStore'
import { MemoryHistoryStore } from './MemoryHistoryStore'
import { HISTORY_SCHEMA, SqliteHistoryStore } from './SqliteHistoryStore'

export const HISTORY_STORES: StoreDefinition<HistoryStore> = {
  name: 'history',
  memory: () => new MemoryHistoryStore(),
  sqlite: { migrations: [HISTORY_SCHEMA], open: (db) => new SqliteHistoryStore(db) },
}
