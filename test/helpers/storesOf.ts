/**
 * Every store of a backend under one name, as the storage contract suites
 * use them: the core's document log and each feature's stores, opened
 * through their StoreDefinitions (migrations run on first use).
 */
import { ACTIE_STORES } from '../../server/actielijst/actieStoreDefinition'
import { ACCESS_STORES } from '../../server/access/accessStoreDefinition'
import type { ServerStores } from '../../server/app'
import type { Backend } from '../../server/core/storage/Backend'
import { HISTORY_STORES } from '../../server/history/historyStoreDefinition'
import { REGELRUIMTE_STORES } from '../../server/regelruimte/regelruimteStoreDefinition'
import { SESSION_STORES } from '../../server/sessions/sessionStoreDefinition'
import { VERSLAG_STORES } from '../../server/verslag/verslagStoreDefinition'

export type Storage = ServerStores & { readonly backend: Backend; close(): Promise<void> }

export function storesOf(backend: Backend): Storage {
  return {
    backend,
    docs: backend.docs,
    sessions: backend.stores(SESSION_STORES),
    ...backend.stores(ACCESS_STORES),
    ...backend.stores(VERSLAG_STORES),
    ...backend.stores(REGELRUIMTE_STORES),
    history: backend.stores(HISTORY_STORES),
    ...backend.stores(ACTIE_STORES),
    close: () => backend.close(),
  }
}
