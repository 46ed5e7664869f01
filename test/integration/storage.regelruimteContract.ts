/**
 * The regelruimte part of the storage contract (status history of requests),
 * run by storageContract for every implementation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RegelruimteStatusEntry } from '../../server/regelruimte/RegelruimteStatusStore'
import type { Storage } from '../helpers/storesOf'
import type { StorageFactory } from './storage.contract'

const entry = (sessionId: string, stickyId: string, patch: Partial<RegelruimteStatusEntry> = {}): RegelruimteStatusEntry => ({
  sessionId,
  stickyId,
  from: 'concept',
  to: 'ingediend',
  at: '2026-06-22T10:00:00.000Z',
  actor: 'user:u1',
  actorName: 'Sanne Secretariaat <secretariaat@programma.nl>',
  ...patch,
})

export function regelruimteStorageContract(name: string, factory: StorageFactory): void {
  describe(`storage contract, regelruimte status history: ${name}`, () => {
    let storage: Storage

    beforeEach(async () => {
      storage = await factory.create()
    })
    afterEach(async () => {
      await storage.close()
    })

    it('[R5] keeps every change of a session in the order it was added, apart from other sessions', async () => {
      const first = entry('s1', 'shape:a', { from: null, to: 'concept', at: '2026-06-22T10:00:00.000Z', actor: 'system', actorName: 'server' })
      const second = entry('s1', 'shape:a', { from: 'concept', to: 'ingediend', at: '2026-06-22T10:00:00.000Z' })
      const other = entry('s2', 'shape:b', { from: 'ingediend', to: 'toegekend' })
      const third = entry('s1', 'shape:c', { from: 'in behandeling', to: 'afgewezen', at: '2026-06-21T09:00:00.000Z' })
      for (const e of [first, second, other, third]) await storage.regelruimteStatus.add(e)
      expect(await storage.regelruimteStatus.listForSession('s1')).toEqual([first, second, third])
      expect(await storage.regelruimteStatus.listForSession('s2')).toEqual([other])
      expect(await storage.regelruimteStatus.listForSession('unknown')).toEqual([])
    })

    it('[R5] hands out copies: changing a returned entry changes nothing stored', async () => {
      await storage.regelruimteStatus.add(entry('s1', 'shape:a'))
      const [got] = await storage.regelruimteStatus.listForSession('s1')
      if (!got) throw new Error('nothing stored')
      got.to = 'ingetrokken'
      expect((await storage.regelruimteStatus.listForSession('s1'))[0]?.to).toBe('ingediend')
    })

    if (factory.reopen) {
      const reopen = factory.reopen
      it('[R5] keeps the history across a reopen', async () => {
        const stored = entry('s1', 'shape:a', { from: 'ingediend', to: 'in behandeling', actorName: 'Één Ümlaut' })
        await storage.regelruimteStatus.add(stored)
        storage = await reopen(storage)
        expect(await storage.regelruimteStatus.listForSession('s1')).toEqual([stored])
      })
    }
  })
}
