/**
 * The history store contract (SPEC H4, H5), run against every
 * implementation: memory and SQLite.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryKind } from '../../shared/history'
import type { HistoryStore, NewHistoryVersion } from '../../server/history/HistoryStore'
import { MemoryHistoryStore } from '../../server/history/MemoryHistoryStore'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { storesOf } from '../helpers/storesOf'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

interface Factory {
  create(): Promise<{ store: HistoryStore; close(): Promise<void> }>
}

const version = (sessionId: string, kind: HistoryKind = 'periodic', n = 1): NewHistoryVersion => ({
  sessionId,
  takenAt: `2026-06-22T10:0${n % 10}:00.000Z`,
  kind,
  detail: kind === 'phase' ? 'stemmen' : null,
  actorNames: ['Anna de Vries', 'Piet (Zorggroep Noord)'],
  counts: { stickies: n, sheets: 2, links: 1 },
  content: new Uint8Array([1, 2, 3, n]),
})

function historyStoreContract(name: string, factory: Factory): void {
  describe(`history store contract: ${name}`, () => {
    const opened: (() => Promise<void>)[] = []
    afterEach(async () => {
      for (const close of opened.splice(0)) await close()
      removeTempDirs()
    })
    const open = async () => {
      const made = await factory.create()
      opened.push(made.close)
      return made
    }

    it('[H4] numbers versions per session from 1 and lists them newest first without content', async () => {
      const { store } = await open()
      expect((await store.add(version('s1', 'periodic', 1))).version).toBe(1)
      expect((await store.add(version('s2', 'periodic', 1))).version).toBe(1)
      const second = await store.add(version('s1', 'phase', 2))
      expect(second).toEqual({
        version: 2,
        takenAt: '2026-06-22T10:02:00.000Z',
        kind: 'phase',
        detail: 'stemmen',
        actorNames: ['Anna de Vries', 'Piet (Zorggroep Noord)'],
        counts: { stickies: 2, sheets: 2, links: 1 },
      })
      const list = await store.list('s1')
      expect(list.map((v) => v.version)).toEqual([2, 1])
      expect(list[0]).toEqual(second)
      expect(list[0]).not.toHaveProperty('content')
      expect(await store.list('unknown')).toEqual([])
    })

    it('[H4] returns one version with its content, and null for an unknown one', async () => {
      const { store } = await open()
      await store.add(version('s1', 'before-delete', 7))
      const got = await store.get('s1', 1)
      expect(got?.kind).toBe('before-delete')
      expect(got?.sessionId).toBe('s1')
      expect([...(got?.content ?? [])]).toEqual([1, 2, 3, 7])
      expect(await store.get('s1', 2)).toBeNull()
      expect(await store.get('s2', 1)).toBeNull()
    })

    it('[H5] prune keeps the newest versions and every vaststelling, and never reuses a number', async () => {
      const { store } = await open()
      await store.add(version('s1', 'vaststelling', 1))
      for (let n = 2; n <= 6; n++) await store.add(version('s1', 'periodic', n))
      await store.add(version('s2', 'periodic', 1))
      expect(await store.prune('s1', 2)).toBe(3)
      expect((await store.list('s1')).map((v) => v.version)).toEqual([6, 5, 1])
      expect((await store.list('s2')).map((v) => v.version)).toEqual([1])
      expect(await store.prune('s1', 0)).toBe(1) // the newest is always kept
      expect((await store.list('s1')).map((v) => v.version)).toEqual([6, 1])
      expect((await store.add(version('s1'))).version).toBe(7)
    })

  })
}

historyStoreContract('memory', {
  create: async () => ({ store: new MemoryHistoryStore(), close: async () => undefined }),
})

historyStoreContract('sqlite', {
  create: async () => {
    const storage = storesOf(new SqliteBackend(tempDir()))
    return { store: storage.history, close: () => storage.close() }
  },
})

describe('history store: SQLite specifics', () => {
  afterEach(() => removeTempDirs())

  it('[H4] versions survive reopening the database file', async () => {
    const dir = tempDir()
    const first = storesOf(new SqliteBackend(dir))
    await first.history.add(version('s1', 'phase', 3))
    await first.close()
    const reopened = storesOf(new SqliteBackend(dir))
    try {
      const got = await reopened.history.get('s1', 1)
      expect(got?.detail).toBe('stemmen')
      expect([...(got?.content ?? [])]).toEqual([1, 2, 3, 3])
    } finally {
      await reopened.close()
    }
  })
})
