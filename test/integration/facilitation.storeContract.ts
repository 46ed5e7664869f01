/** The contract every PrivateStickyStore passes (SPEC F9). */
import { describe, expect, it } from 'vitest'
import type { PrivateStickyStore, StoredPrivateSticky } from '../../server/facilitation/PrivateStickyStore'

const sticky = (id: string, sessionId: string, authorId: string, text = id): StoredPrivateSticky => ({
  id,
  sessionId,
  authorId,
  authorName: `Naam ${authorId}`,
  authorOrganisation: 'Verenso',
  text,
  tag: 'bevorderend',
  sheetId: null,
  createdAt: '2026-06-22T10:00:00.000Z',
})

export function privateStickyStoreContract(name: string, make: () => Promise<{ store: PrivateStickyStore; reopen?: () => Promise<PrivateStickyStore> }>): void {
  describe(`${name} private-sticky store`, () => {
    it('[F9] keeps stickies per session and author, oldest first, and only the author changes or deletes theirs', async () => {
      const { store } = await make()
      await store.add(sticky('p1', 's1', 'anna'))
      await store.add(sticky('p2', 's1', 'bert'))
      await store.add(sticky('p3', 's1', 'anna'))
      await store.add(sticky('p4', 's2', 'anna'))
      expect((await store.listByAuthor('s1', 'anna')).map((s) => s.id)).toEqual(['p1', 'p3'])
      expect((await store.listBySession('s1')).map((s) => s.id)).toEqual(['p1', 'p2', 'p3'])
      expect(await store.update('s1', 'bert', 'p1', { text: 'overschreven' })).toBeNull()
      expect(await store.update('s1', 'anna', 'p1', { text: 'nieuw', tag: 'belemmerend' })).toMatchObject({ id: 'p1', text: 'nieuw', tag: 'belemmerend', authorName: 'Naam anna' })
      expect(await store.remove('s1', 'bert', 'p3')).toBe(false)
      expect(await store.remove('s1', 'anna', 'p3')).toBe(true)
      expect(await store.remove('s1', 'anna', 'p3')).toBe(false)
      await store.removeMany('s1', ['p1', 'p2', 'p4'])
      expect(await store.listBySession('s1')).toEqual([])
      expect((await store.listBySession('s2')).map((s) => s.id)).toEqual(['p4'])
      await expect(store.add(sticky('p4', 's2', 'anna'))).rejects.toThrow()
      await store.close()
    })

    it('[F9] what it holds survives a restart when the implementation is durable', async () => {
      const { store, reopen } = await make()
      await store.add(sticky('q1', 's1', 'anna', 'bewaard'))
      if (!reopen) {
        expect((await store.listBySession('s1')).map((s) => s.text)).toEqual(['bewaard'])
        await store.close()
        return
      }
      await store.close()
      const again = await reopen()
      expect((await again.listByAuthor('s1', 'anna')).map((s) => s.text)).toEqual(['bewaard'])
      await again.add(sticky('q2', 's1', 'anna'))
      expect((await again.listByAuthor('s1', 'anna')).map((s) => s.id)).toEqual(['q1', 'q2'])
      await again.close()
    })
  })
}
