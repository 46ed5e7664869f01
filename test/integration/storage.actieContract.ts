/**
 * The actielijst part of the storage contract (status history, carry-overs,
 * calendar feed secrets), run by storageContract for every implementation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ActieStatusEntry } from '../../server/actielijst/ActieStore'
import type { Storage } from '../helpers/storesOf'
import type { StorageFactory } from './storage.contract'

const change = (sessionId: string, stickyId: string, patch: Partial<ActieStatusEntry> = {}): ActieStatusEntry => ({
  sessionId,
  stickyId,
  from: 'open',
  to: 'gedaan',
  at: '2026-06-22T10:00:00.000Z',
  actor: 'user:u1',
  actorName: 'Sanne Secretariaat',
  detail: '',
  ...patch,
})

export function actieStorageContract(name: string, factory: StorageFactory): void {
  describe(`storage contract, actielijst: ${name}`, () => {
    let storage: Storage

    beforeEach(async () => {
      storage = await factory.create()
    })
    afterEach(async () => {
      await storage.close()
    })

    it('[A4] keeps every status change of the asked sessions in the order it was added, with who and why', async () => {
      const a = change('s1', 'shape:a')
      const b = change('s2', 'shape:b', { to: 'vervallen', detail: 'overgenomen in Sessie 2' })
      const c = change('s1', 'shape:a', { from: 'gedaan', to: 'open', at: '2026-06-21T09:00:00.000Z' })
      const d = change('s3', 'shape:d')
      for (const e of [a, b, c, d]) await storage.actielijst.addStatus(e)
      expect(await storage.actielijst.statusesFor(['s1', 's2'])).toEqual([a, b, c])
      expect(await storage.actielijst.statusesFor([])).toEqual([])
    })

    it('[A6] finds a carry-over from either of its sessions', async () => {
      const link = { fromSessionId: 's1', fromStickyId: 'shape:a', toSessionId: 's2', toStickyId: 'shape:z', at: '2026-06-22T10:00:00.000Z' }
      await storage.actielijst.addCarryOver(link)
      expect(await storage.actielijst.carryOversFor(['s1'])).toEqual([link])
      expect(await storage.actielijst.carryOversFor(['s2'])).toEqual([link])
      expect(await storage.actielijst.carryOversFor(['s3'])).toEqual([])
    })

    it('[A8] a new feed secret replaces the themagroep\'s old one, which then finds nothing', async () => {
      await storage.actielijst.setFeed('groep a', 'Groep A', 'hash-1', '2026-06-22T10:00:00.000Z')
      expect(await storage.actielijst.feedByHash('hash-1')).toBe('Groep A')
      await storage.actielijst.setFeed('groep a', 'groep a', 'hash-2', '2026-06-23T10:00:00.000Z')
      expect(await storage.actielijst.feedByHash('hash-1')).toBeNull()
      expect(await storage.actielijst.feedByHash('hash-2')).toBe('Groep A')
    })

    it('[A9] deleting a session forgets its statuses and carry-overs, and only those', async () => {
      await storage.actielijst.addStatus(change('s1', 'shape:a'))
      await storage.actielijst.addStatus(change('s2', 'shape:b'))
      await storage.actielijst.addCarryOver({ fromSessionId: 's1', fromStickyId: 'shape:a', toSessionId: 's2', toStickyId: 'shape:z', at: 'x' })
      await storage.actielijst.deleteSession('s1')
      expect(await storage.actielijst.statusesFor(['s1', 's2'])).toEqual([change('s2', 'shape:b')])
      expect(await storage.actielijst.carryOversFor(['s1', 's2'])).toEqual([])
    })

    if (factory.reopen) {
      const reopen = factory.reopen
      it('[A4] statuses, carry-overs and feeds survive reopening the store', async () => {
        await storage.actielijst.addStatus(change('s1', 'shape:a'))
        await storage.actielijst.addCarryOver({ fromSessionId: 's1', fromStickyId: 'shape:a', toSessionId: 's2', toStickyId: 'shape:z', at: 'x' })
        await storage.actielijst.setFeed('groep a', 'Groep A', 'hash-1', 'x')
        storage = await reopen(storage)
        expect(await storage.actielijst.statusesFor(['s1'])).toHaveLength(1)
        expect(await storage.actielijst.carryOversFor(['s2'])).toHaveLength(1)
        expect(await storage.actielijst.feedByHash('hash-1')).toBe('Groep A')
      })
    }
  })
}
