/**
 * The storage contract: every Storage implementation runs this same suite
 * (memory, SQLite; PostgreSQL later). Call it from a *.test.ts file with a
 * factory that returns a fresh, empty storage.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { SessionSummary } from '../../shared/api'
import type { Storage } from '../helpers/storesOf'
import { accessStorageContract } from './storage.accessContract'
import { actieStorageContract } from './storage.actieContract'
import { regelruimteStorageContract } from './storage.regelruimteContract'
import { verslagStorageContract } from './storage.verslagContract'

export interface StorageFactory {
  /** A fresh, empty storage. */
  create(): Promise<Storage>
  /** Closes `storage` and opens the same data again; omit for stores that do not persist. */
  reopen?(storage: Storage): Promise<Storage>
}

function summary(id: string, createdAt: string, patch: Partial<SessionSummary> = {}): SessionSummary {
  return {
    id,
    title: `Sessie ${id}`,
    themagroep: 'Bekostiging SO buiten het verpleeghuis',
    type: 'brownpapersessie',
    date: '2026-06-22',
    place: 'Barneveld',
    createdAt,
    updatedAt: createdAt,
    ...patch,
  }
}

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | null = null
  const capture = (u: Uint8Array) => {
    update = u
  }
  doc.on('update', capture)
  doc.getText('t').insert(doc.getText('t').length, text)
  doc.off('update', capture)
  if (!update) throw new Error('no update produced')
  return update
}

function rebuild(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return doc.getText('t').toString()
}

export function storageContract(name: string, factory: StorageFactory): void {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage

    beforeEach(async () => {
      storage = await factory.create()
    })
    afterEach(async () => {
      await storage.close()
    })

    it('[S10] loads an unknown room as empty with lastSeq 0', async () => {
      const stored = await storage.docs.load('never-seen-room')
      expect(stored).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
      expect(await storage.docs.pendingUpdates('never-seen-room')).toBe(0)
    })

    it('[S10] returns appended updates in order with increasing sequence numbers', async () => {
      const doc = new Y.Doc()
      const seqs = [
        await storage.docs.appendUpdate('room-a', textUpdate(doc, 'a')),
        await storage.docs.appendUpdate('room-a', textUpdate(doc, 'b')),
        await storage.docs.appendUpdate('room-a', textUpdate(doc, 'c')),
      ]
      expect(seqs[0]).toBeLessThan(seqs[1] ?? 0)
      expect(seqs[1]).toBeLessThan(seqs[2] ?? 0)
      const stored = await storage.docs.load('room-a')
      expect(stored.snapshot).toBeNull()
      expect(stored.updates).toHaveLength(3)
      expect(stored.lastSeq).toBe(seqs[2])
      expect(rebuild(stored)).toBe('abc')
      expect(await storage.docs.pendingUpdates('room-a')).toBe(3)
    })

    it('[S10] stores concurrent appends from several rooms, each room in call order', async () => {
      const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
      const appends = []
      for (let i = 0; i < 10; i++) {
        for (const [r, doc] of docs.entries()) {
          appends.push(storage.docs.appendUpdate(`room-${r}`, textUpdate(doc, String(i))))
        }
      }
      const seqs = await Promise.all(appends)
      expect(new Set(seqs).size).toBe(30)
      for (const r of docs.keys()) {
        const ofRoom = seqs.filter((_, i) => i % docs.length === r)
        expect(ofRoom).toEqual([...ofRoom].sort((a, b) => a - b))
        const stored = await storage.docs.load(`room-${r}`)
        expect(stored.updates).toHaveLength(10)
        expect(rebuild(stored)).toBe('0123456789')
      }
    })

    it('[S10] keeps rooms apart', async () => {
      await storage.docs.appendUpdate('room-a', textUpdate(new Y.Doc(), 'left'))
      await storage.docs.appendUpdate('room-b', textUpdate(new Y.Doc(), 'right'))
      expect(rebuild(await storage.docs.load('room-a'))).toBe('left')
      expect(rebuild(await storage.docs.load('room-b'))).toBe('right')
    })

    it('[S10] stores the bytes it was given, not a view that changes later', async () => {
      const update = textUpdate(new Y.Doc(), 'kept')
      const copy = update.slice()
      await storage.docs.appendUpdate('room-a', update)
      update.fill(0)
      expect((await storage.docs.load('room-a')).updates[0]).toEqual(copy)
    })

    it('[S5] compaction replaces the log up to a sequence number with a snapshot', async () => {
      const doc = new Y.Doc()
      await storage.docs.appendUpdate('room-a', textUpdate(doc, 'one '))
      const upto = await storage.docs.appendUpdate('room-a', textUpdate(doc, 'two '))
      const snapshot = Y.encodeStateAsUpdate(doc)
      // An update that arrives after the snapshot was taken must survive compaction.
      const later = await storage.docs.appendUpdate('room-a', textUpdate(doc, 'three'))
      await storage.docs.compact('room-a', snapshot, upto)
      const stored = await storage.docs.load('room-a')
      expect(stored.snapshot).toEqual(snapshot)
      expect(stored.updates).toHaveLength(1)
      expect(stored.lastSeq).toBe(later)
      expect(rebuild(stored)).toBe('one two three')
      expect(await storage.docs.pendingUpdates('room-a')).toBe(1)
    })

    it('[S5] a compacted room without later updates reports the snapshot sequence', async () => {
      const doc = new Y.Doc()
      const upto = await storage.docs.appendUpdate('room-a', textUpdate(doc, 'x'))
      await storage.docs.compact('room-a', Y.encodeStateAsUpdate(doc), upto)
      const stored = await storage.docs.load('room-a')
      expect(stored.updates).toEqual([])
      expect(stored.lastSeq).toBe(upto)
      expect(rebuild(stored)).toBe('x')
      const next = await storage.docs.appendUpdate('room-a', textUpdate(doc, 'y'))
      expect(next).toBeGreaterThan(upto)
      expect(rebuild(await storage.docs.load('room-a'))).toBe('xy')
    })

    it('creates, reads and lists sessions newest first', async () => {
      await storage.sessions.create(summary('session-old', '2026-01-01T10:00:00.000Z'))
      await storage.sessions.create(summary('session-new', '2026-03-01T10:00:00.000Z', { date: null, place: null }))
      expect(await storage.sessions.get('session-new')).toEqual(
        summary('session-new', '2026-03-01T10:00:00.000Z', { date: null, place: null }),
      )
      expect(await storage.sessions.get('session-nope')).toBeNull()
      expect((await storage.sessions.list()).map((s) => s.id)).toEqual(['session-new', 'session-old'])
    })

    it('refuses a second session with the same id', async () => {
      await storage.sessions.create(summary('session-one', '2026-01-01T10:00:00.000Z'))
      await expect(storage.sessions.create(summary('session-one', '2026-01-02T10:00:00.000Z'))).rejects.toThrow()
    })

    it('updates only the given summary fields', async () => {
      await storage.sessions.create(summary('session-one', '2026-01-01T10:00:00.000Z'))
      await storage.sessions.update('session-one', { title: 'Nieuwe titel', updatedAt: '2026-02-01T00:00:00.000Z' })
      expect(await storage.sessions.get('session-one')).toEqual(
        summary('session-one', '2026-01-01T10:00:00.000Z', {
          title: 'Nieuwe titel',
          updatedAt: '2026-02-01T00:00:00.000Z',
        }),
      )
    })

    if (factory.reopen) {
      const reopen = factory.reopen
      it('[S4] keeps updates, snapshots and sessions after closing and reopening', async () => {
        const doc = new Y.Doc()
        const upto = await storage.docs.appendUpdate('room-a', textUpdate(doc, 'saved '))
        await storage.docs.compact('room-a', Y.encodeStateAsUpdate(doc), upto)
        await storage.docs.appendUpdate('room-a', textUpdate(doc, 'and logged'))
        await storage.sessions.create(summary('session-one', '2026-01-01T10:00:00.000Z'))
        storage = await reopen(storage)
        expect(rebuild(await storage.docs.load('room-a'))).toBe('saved and logged')
        expect(await storage.sessions.get('session-one')).toEqual(summary('session-one', '2026-01-01T10:00:00.000Z'))
      })
    }
  })
  accessStorageContract(name, factory)
  verslagStorageContract(name, factory)
  regelruimteStorageContract(name, factory)
  actieStorageContract(name, factory)
}
