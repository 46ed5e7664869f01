/**
 * The verslag part of the storage contract (vastgestelde versies, board
 * pictures), run by storageContract for every implementation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Storage } from '../helpers/storesOf'
import type { VerslagVersionRecord } from '../../server/verslag/VerslagStores'
import type { StorageFactory } from './storage.contract'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])

const version = (sessionId: string, versie: number, patch: Partial<VerslagVersionRecord> = {}): VerslagVersionRecord => ({
  sessionId,
  versie,
  vastgesteldAt: `2026-06-2${versie}T10:00:00.000Z`,
  vastgesteldOp: `2026-06-2${versie}`,
  actor: 'user:u1',
  actorName: 'Secretariaat Een',
  models: JSON.stringify({ nl: { heading: `Verslag ${versie}` } }),
  picture: null,
  ...patch,
})

export function verslagStorageContract(name: string, factory: StorageFactory): void {
  describe(`storage contract, verslag stores: ${name}`, () => {
    let storage: Storage

    beforeEach(async () => {
      storage = await factory.create()
    })
    afterEach(async () => {
      await storage.close()
    })

    it('[V15] stores numbered versions per session and lists them oldest first without their content', async () => {
      expect(await storage.versions.add(version('s1', 2))).toBe(true)
      expect(await storage.versions.add(version('s1', 1, { picture: { contentType: 'image/png', data: PNG, updatedAt: 'x' } }))).toBe(true)
      expect(await storage.versions.add(version('s2', 1))).toBe(true)
      const list = await storage.versions.list('s1')
      expect(list.map((v) => v.versie)).toEqual([1, 2])
      expect(list[0]).toEqual({
        sessionId: 's1',
        versie: 1,
        vastgesteldAt: '2026-06-21T10:00:00.000Z',
        vastgesteldOp: '2026-06-21',
        actor: 'user:u1',
        actorName: 'Secretariaat Een',
        hasPicture: true,
      })
      expect(list[1]?.hasPicture).toBe(false)
      expect(await storage.versions.list('unknown')).toEqual([])
    })

    it('[V15] refuses a second version with the same number and keeps the first', async () => {
      expect(await storage.versions.add(version('s1', 1))).toBe(true)
      expect(await storage.versions.add(version('s1', 1, { models: '{"changed":true}' }))).toBe(false)
      expect((await storage.versions.get('s1', 1))?.models).toBe(version('s1', 1).models)
    })

    it('[V15] gives back a version with its models and picture bytes, and the latest one', async () => {
      await storage.versions.add(version('s1', 1, { picture: { contentType: 'image/png', data: PNG, updatedAt: 'x' } }))
      await storage.versions.add(version('s1', 2))
      const first = await storage.versions.get('s1', 1)
      expect(first?.models).toBe(version('s1', 1).models)
      expect(first?.picture?.contentType).toBe('image/png')
      expect([...(first?.picture?.data ?? [])]).toEqual([...PNG])
      expect((await storage.versions.latest('s1'))?.versie).toBe(2)
      expect(await storage.versions.latest('s2')).toBeNull()
      expect(await storage.versions.get('s1', 3)).toBeNull()
    })

    it('[V17] keeps one current board picture per session, replaced by the next upload', async () => {
      expect(await storage.pictures.get('s1')).toBeNull()
      await storage.pictures.put('s1', { contentType: 'image/png', data: PNG, updatedAt: '2026-06-22T10:00:00.000Z' })
      await storage.pictures.put('s1', { contentType: 'image/svg+xml', data: new TextEncoder().encode('<svg/>'), updatedAt: '2026-06-22T11:00:00.000Z' })
      const picture = await storage.pictures.get('s1')
      expect(picture?.contentType).toBe('image/svg+xml')
      expect(new TextDecoder().decode(picture?.data)).toBe('<svg/>')
      expect(picture?.updatedAt).toBe('2026-06-22T11:00:00.000Z')
      expect(await storage.pictures.get('s2')).toBeNull()
    })

    if (factory.reopen) {
      const reopen = factory.reopen
      it('[S4][V15] keeps versions and pictures after closing and reopening', async () => {
        await storage.versions.add(version('s1', 1, { picture: { contentType: 'image/png', data: PNG, updatedAt: 'x' } }))
        await storage.pictures.put('s1', { contentType: 'image/png', data: PNG, updatedAt: 'y' })
        storage = await reopen(storage)
        expect((await storage.versions.get('s1', 1))?.picture?.data.length).toBe(PNG.length)
        expect((await storage.pictures.get('s1'))?.updatedAt).toBe('y')
      })
    }
  })
}
