/**
 * S59: the document log's group commits are made durable by an fdatasync of
 * the WAL on the thread pool. Up to two syncs run at once; a commit made
 * while two run waits for the next, which covers every commit made meanwhile;
 * an append resolves only after a sync that began after its commit, and
 * appends resolve in commit order; a failed sync rejects what it settles.
 * The sync is a seam here, completed by hand.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_SYNCS_IN_FLIGHT, WalSyncer, type CommittedBatch } from '../../server/core/storage/SqliteBackend'
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

  it('[S59] a commit made while a sync runs starts a second at once; commits made while two run wait for the next, which covers them all', () => {
    expect(MAX_SYNCS_IN_FLIGHT).toBe(2)
    const { syncer, pending } = syncerWithManualSync()
    const a = batchOf('r1', 1)
    const b = batchOf('r2', 2)
    const c = batchOf('r1', 3)
    const d = batchOf('r2', 4)
    syncer.add(a.committed)
    expect(pending).toHaveLength(1)
    syncer.add(b.committed)
    expect(pending).toHaveLength(2) // not behind a's sync
    syncer.add(c.committed)
    syncer.add(d.committed)
    expect(pending).toHaveLength(2) // two at most
    expect(a.outcome.seq).toBeUndefined() // not before its sync ends

    pending[0]?.(null)
    expect(a.outcome.seq).toBe(1)
    // b's sync still runs; c and d were committed after both syncs began: neither covers them.
    expect([b.outcome.seq, c.outcome.seq, d.outcome.seq]).toEqual([undefined, undefined, undefined])
    expect(pending).toHaveLength(3) // one sync for c and d

    pending[1]?.(null)
    expect(b.outcome.seq).toBe(2)
    expect([c.outcome.seq, d.outcome.seq]).toEqual([undefined, undefined])
    pending[2]?.(null)
    expect([c.outcome.seq, d.outcome.seq]).toEqual([3, 4])
    expect(syncer.syncs).toBe(3)
    syncer.close()
  })

  it('[S59] a sync that ends first settles also what the earlier sync still running covers, in commit order', () => {
    const { syncer, pending } = syncerWithManualSync()
    const order: number[] = []
    const a = batchOf('r1', 1)
    const b = batchOf('r2', 2)
    for (const x of [a, b]) {
      const resolve = x.committed.batch[0]!.resolve
      x.committed.batch[0]!.resolve = (seq) => {
        order.push(seq)
        resolve(seq)
      }
    }
    syncer.add(a.committed)
    syncer.add(b.committed)
    pending[1]?.(null) // b's sync ends first: a was committed before it began
    expect(order).toEqual([1, 2])
    pending[0]?.(null) // a's own sync ends later: nothing is settled twice
    expect(order).toEqual([1, 2])
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

  it('[S59] the descriptor of an unlinked WAL stays open while a sync that uses it runs', () => {
    const wal = path.join(tempDir(), 'brownpaper.sqlite-wal')
    fs.writeFileSync(wal, 'frames')
    const pending: { fd: number; done: (err: unknown) => void }[] = []
    const syncer = new WalSyncer(wal, (fd, done) => pending.push({ fd, done }))
    syncer.add(batchOf('r1', 1).committed)
    fs.rmSync(wal)
    fs.writeFileSync(wal, 'new frames')
    syncer.add(batchOf('r1', 2).committed)
    const [first, second] = pending
    expect(first && second && first.fd !== second.fd).toBe(true)
    // The first sync still runs on the old descriptor: it is not closed under it.
    expect(() => fs.fstatSync(first!.fd)).not.toThrow()
    first!.done(null)
    second!.done(null)
    // Once no sync runs, the old descriptor is closed.
    expect(() => fs.fstatSync(first!.fd)).toThrow()
    syncer.close()
  })
})
