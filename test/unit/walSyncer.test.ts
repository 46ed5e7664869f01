/**
 * S59: the document log's group commits are made durable by an fdatasync of
 * the WAL on the thread pool. One sync runs at a time; the commits made
 * while it runs wait for the next one, which covers them all; an append
 * resolves only after a sync that began after its commit; a failed sync
 * rejects what it covered. The sync is a seam here, completed by hand.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { WalSyncer, type CommittedBatch } from '../../server/core/storage/SqliteBackend'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

interface Outcome {
  seq?: number
  err?: unknown
}

function batchOf(room: string, seq: number): { committed: CommittedBatch; outcome: Outcome } {
  const outcome: Outcome = {}
  const committed: CommittedBatch = {
    batch: [{ room, data: Buffer.from([1]), resolve: (s) => (outcome.seq = s), reject: (err) => (outcome.err = err) }],
    seqs: [seq],
  }
  return { committed, outcome }
}

describe('WalSyncer (S59)', () => {
  afterEach(() => removeTempDirs())

  function syncerWithManualSync() {
    const wal = path.join(tempDir(), 'brownpaper.sqlite-wal')
    fs.writeFileSync(wal, 'frames')
    const pending: ((err: unknown) => void)[] = []
    const syncer = new WalSyncer(wal, (_fd, done) => pending.push(done))
    return { syncer, pending }
  }

  it('[S59] commits made while a sync runs wait for the next sync, which covers them all', () => {
    const { syncer, pending } = syncerWithManualSync()
    const a = batchOf('r1', 1)
    const b = batchOf('r2', 2)
    const c = batchOf('r1', 3)
    syncer.add(a.committed)
    expect(pending).toHaveLength(1)
    syncer.add(b.committed)
    syncer.add(c.committed)
    expect(pending).toHaveLength(1) // one at a time
    expect(a.outcome.seq).toBeUndefined() // not before its sync ends

    pending[0]?.(null)
    expect(a.outcome.seq).toBe(1)
    // b and c were committed after the first sync began: it does not cover them.
    expect(b.outcome.seq).toBeUndefined()
    expect(c.outcome.seq).toBeUndefined()
    expect(pending).toHaveLength(2)

    pending[1]?.(null)
    expect([b.outcome.seq, c.outcome.seq]).toEqual([2, 3])
    expect(syncer.syncs).toBe(2)
    syncer.close()
  })

  it('[S59] a failed sync rejects the appends it covered, and the next commit gets a sync of its own', () => {
    const { syncer, pending } = syncerWithManualSync()
    const a = batchOf('r1', 1)
    syncer.add(a.committed)
    const failure = new Error('EIO')
    pending[0]?.(failure)
    expect(a.outcome.err).toBe(failure)
    expect(a.outcome.seq).toBeUndefined()

    const b = batchOf('r1', 2)
    syncer.add(b.committed)
    pending[1]?.(null)
    expect(b.outcome.seq).toBe(2)
    syncer.close()
  })

  it('[S59] drained() waits for the sync in flight', async () => {
    const { syncer, pending } = syncerWithManualSync()
    const a = batchOf('r1', 1)
    syncer.add(a.committed)
    let drained = false
    const done = syncer.drained().then(() => (drained = true))
    await Promise.resolve()
    expect(drained).toBe(false)
    pending[0]?.(null)
    await done
    expect(drained).toBe(true)
    expect(a.outcome.seq).toBe(1)
    syncer.close()
  })

  it('[S59] a WAL file that was unlinked is opened again before it is synced', () => {
    const wal = path.join(tempDir(), 'brownpaper.sqlite-wal')
    fs.writeFileSync(wal, 'frames')
    const links: number[] = []
    const syncer = new WalSyncer(wal, (fd, done) => {
      links.push(fs.fstatSync(fd).nlink)
      done(null)
    })
    syncer.add(batchOf('r1', 1).committed)
    fs.rmSync(wal)
    fs.writeFileSync(wal, 'new frames')
    syncer.add(batchOf('r1', 2).committed)
    // Not the deleted file (no link left), whose sync would protect nothing.
    expect(links).toEqual([1, 1])
    syncer.close()
  })
})
