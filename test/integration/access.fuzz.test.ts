/**
 * Fuzzing the websocket (P15): thousands of random, malformed, oversized and
 * too many frames from hostile connections, while two honest clients keep
 * editing the same room. Seeded: FUZZ_SEED=<n> replays a run.
 */
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { readBoard } from '../../shared/boardModel'
import { CloseCode } from '../../shared/closeCodes'
import { frameRecord } from '../../shared/records'
import { addSticky, allRecords, recordsOf } from '../../shared/ydoc'
import { createInvite } from '../helpers/accessFixture'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, restartTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor, withTimeout } from '../helpers/waitFor'

const CAP = 32 * 1024
/** Hostile sockets, three at a time, while the honest clients write their stickies. */
const FUZZ_SOCKETS = 45
const HONEST_STICKIES = 60
/** Sockets that each send one update the write rules refuse (W1). */
const HOSTILE_SOCKETS = 12

/** A small deterministic PRNG, so that a failure can be replayed from its seed. */
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

/**
 * W1–W15: a well-formed update the write rules refuse for a deelnemer, made
 * against the room's current state (`current`): wiping the board, granting a
 * request, forging an author or votes, drawing a sheet, writing a new root.
 */
function hostileWrite(rand: () => number, current: Y.Doc): Uint8Array {
  const scratch = new Y.Doc()
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(current))
  let update: Uint8Array = new Uint8Array(0)
  scratch.on('update', (u: Uint8Array) => (update = u))
  const kv = recordsOf(scratch)
  const stickies = readBoard(allRecords(scratch)).stickies
  const victim = stickies[Math.floor(rand() * stickies.length)]
  const kinds = ['wipe', 'status', 'author', 'votes', 'sheet', 'root']
  const kind = victim ? kinds[Math.floor(rand() * kinds.length)]! : 'root'
  if (kind === 'wipe') scratch.getArray('tldraw').delete(0, scratch.getArray('tldraw').length)
  else if (kind === 'status' || kind === 'author' || kind === 'votes') {
    const record = kv.get(victim!.id)!
    const meta = record.meta as Record<string, unknown>
    const forged =
      kind === 'status' ? { status: 'toegekend' } : kind === 'author' ? { author: { id: 'iemand-anders', name: 'X', organisation: '' } } : { votes: { a: 100, b: 100, c: 100 } }
    kv.set(victim!.id, { ...record, meta: { ...meta, ...forged } })
  } else if (kind === 'sheet') kv.set('shape:fuzzvel', frameRecord({ id: 'shape:fuzzvel', name: 'Vel', x: 0, y: 3000, w: 400, h: 400, index: 'a9' }))
  else scratch.getText(`fuzz${Math.floor(rand() * 1e6)}`).insert(0, 'vulling')
  return message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update)))
}

/** One kind of hostile frame each; `real` is a genuine update to mangle. */
function frameMaker(rand: () => number, real: Uint8Array) {
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256))
  const int = (n: number) => Math.floor(rand() * n)
  const makers: Record<string, () => Uint8Array | string> = {
    random: () => bytes(1 + int(300)),
    empty: () => new Uint8Array(0),
    unknownType: () => message((e) => (encoding.writeVarUint(e, 4 + int(100)), encoding.writeUint8Array(e, bytes(int(20))))),
    badSyncStep: () => message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 3 + int(50)), encoding.writeVarUint8Array(e, bytes(int(40))))),
    garbageUpdate: () => message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1 + int(2)), encoding.writeVarUint8Array(e, bytes(1 + int(200))))),
    truncatedUpdate: () => message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, real.slice(0, int(real.length))))),
    flippedUpdate: () => {
      const copy = real.slice()
      for (let i = 0; i < 1 + int(4); i++) copy[int(copy.length)] = int(256)
      return message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, copy)))
    },
    lengthOverrun: () => message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 1_000_000), encoding.writeUint8Array(e, bytes(10)))),
    badStateVector: () => message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, bytes(1 + int(30))))),
    garbageAwareness: () => message((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, bytes(int(100))))),
    badAwarenessJson: () =>
      message((e) => {
        encoding.writeVarUint(e, 1)
        encoding.writeVarUint8Array(
          e,
          message((a) => (encoding.writeVarUint(a, 1), encoding.writeVarUint(a, int(1e9)), encoding.writeVarUint(a, 1), encoding.writeVarString(a, '{"user": '))),
        )
      }),
    oversized: () => bytes(CAP + 1 + int(CAP / 2)),
    text: () => 'hallo, dit is geen y-websocket bericht',
  }
  return makers
}

describe('websocket fuzzing (P15)', () => {
  let server: TestServer
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  it('[P15][W1] thousands of random, malformed, oversized, forbidden and too many frames close only their own connections; the room keeps syncing and its document stays intact', async () => {
    server = await startTestServer({ maxMessageBytes: CAP, wsRateLimit: { capacity: 500, refillPerSecond: 200 } })
    const { id } = await server.createSession()
    const deelnemer = await createInvite(server, id, 'deelnemer')
    const waarnemer = await createInvite(server, id, 'waarnemer')
    const a = connectYClient(server.wsUrl, id, { params: { token: deelnemer.token } })
    const b = connectYClient(server.wsUrl, id, { params: { token: deelnemer.token } })
    clients.push(a, b)
    await Promise.all([a.synced, b.synced])
    const honestCloses: number[] = []
    for (const c of [a, b]) c.provider.on('connection-close', (event: CloseEvent | null) => honestCloses.push(event?.code ?? 0))

    // A genuine update to mangle: a sticky made on a scratch copy of the room.
    const scratch = new Y.Doc()
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(a.doc))
    let real: Uint8Array = new Uint8Array(0)
    scratch.on('update', (u: Uint8Array) => (real = u))
    addSticky(scratch, { text: 'Nooit verstuurd', tag: 'opmerking' })

    // Replay a failure with FUZZ_SEED=<seed> (printed below and in every failure message).
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 1_000_000)
    console.log(`access.fuzz: FUZZ_SEED=${seed}`)
    const closeCodes = new Map<number, number>()
    /** Hostile writes sent by a deelnemer: the write rules must have refused one (W1). */
    const hostileFrames = new WeakSet<object>()
    let hostileByDeelnemer = 0
    let framesSent = 0
    let sockets = 0

    /**
     * Socket plan i is drawn from its own generator, so the frames of every
     * socket follow from the seed alone, however the sockets interleave.
     */
    const plan = (i: number) => {
      const rand = prng(seed * 1_000 + i)
      const makers = frameMaker(rand, real)
      const kinds = Object.keys(makers)
      const token = rand() < 0.5 ? deelnemer.token : waarnemer.token
      const burst = rand() < 0.15
      const kind = kinds[Math.floor(rand() * kinds.length)]!
      const count = burst ? 700 : 1 + Math.floor(rand() * 40)
      const frames: (Uint8Array | string)[] = []
      for (let f = 0; f < count; f++) {
        // A burst floods valid query-awareness frames: only the rate limit stops it.
        let pick = rand() < 0.8 ? kind : kinds[Math.floor(rand() * kinds.length)]!
        // A flipped genuine update may well be a valid edit: only a waarnemer sends those (refused, P6).
        if (pick === 'flippedUpdate' && token !== waarnemer.token) pick = 'truncatedUpdate'
        frames.push(burst ? Uint8Array.of(3) : makers[pick]!())
      }
      // Whatever the seed, the first three sockets meet each limit the test
      // expects to see: an oversized frame, a flood, a malformed update.
      if (i === 0) frames.unshift(makers.oversized!())
      if (i === 1) frames.unshift(...Array.from({ length: 700 }, () => Uint8Array.of(3)))
      if (i === 2) frames.unshift(makers.lengthOverrun!())
      // Last, a frame of an unknown message type: whatever the server let pass
      // before, this one closes the socket, so every socket ends with a named code.
      frames.push(Uint8Array.of(99))
      return { token, frames }
    }

    /** Sockets ≥ FUZZ_SOCKETS send one well-formed update the write rules refuse (W1), then the closing frame. */
    const hostilePlan = (i: number) => {
      const rand = prng(seed * 1_000 + i)
      const token = rand() < 0.7 ? deelnemer.token : waarnemer.token
      const frame = hostileWrite(rand, a.doc)
      hostileFrames.add(frame)
      return { token, frames: [frame, Uint8Array.of(99)] }
    }

    const fuzzOne = async (i: number): Promise<void> => {
      const { token, frames } = i < FUZZ_SOCKETS ? plan(i) : hostilePlan(i)
      const ws = new WebSocket(`${server.wsUrl}/${id}?token=${token}`)
      sockets++
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
      ws.on('error', () => undefined)
      await new Promise<void>((resolve) => ws.once('open', () => resolve()).once('close', () => resolve()))
      for (const frame of frames) {
        if (ws.readyState !== ws.OPEN) break
        ws.send(frame, { binary: typeof frame !== 'string' })
        framesSent++
      }
      const code = await withTimeout(closed, `socket ${i} to be closed by the server (FUZZ_SEED=${seed})`)
      closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1)
      if (token === deelnemer.token && typeof frames[0] !== 'string' && hostileFrames.has(frames[0]!)) {
        hostileByDeelnemer++
        expect(code, `socket ${i}: a deelnemer's forbidden write (FUZZ_SEED=${seed})`).toBe(CloseCode.WriteRefused)
      }
    }

    const written: string[] = []
    const honest = (async () => {
      for (let i = 0; i < HONEST_STICKIES; i++) {
        const text = `Sticky ${i} van ${i % 2 ? 'A' : 'B'}`
        addSticky(i % 2 ? a.doc : b.doc, { text, tag: i % 3 ? 'bevorderend' : 'belemmerend' })
        written.push(text)
        // Pacing, so that the honest edits interleave with the fuzzing.
        await new Promise((resolve) => setTimeout(resolve, 40))
      }
    })()
    let next = 0
    await Promise.all([
      honest,
      ...Array.from({ length: 3 }, async () => {
        for (let i = next++; i < FUZZ_SOCKETS + HOSTILE_SOCKETS; i = next++) await fuzzOne(i)
      }),
    ])

    const health = await server.api('GET', '/api/health')
    expect(health.status).toBe(200)
    expect(framesSent, `seed ${seed}`).toBeGreaterThan(2_000)
    expect(sockets).toBe(FUZZ_SOCKETS + HOSTILE_SOCKETS)
    expect(closeCodes.get(CloseCode.MalformedMessage) ?? 0, `seed ${seed}: ${JSON.stringify([...closeCodes])}`).toBeGreaterThan(0)
    expect(closeCodes.get(CloseCode.MessageTooLarge) ?? 0, `seed ${seed}`).toBeGreaterThan(0)
    expect(closeCodes.get(CloseCode.RateLimited) ?? 0, `seed ${seed}`).toBeGreaterThan(0)
    // WriteRefused: a decodable update a deelnemer may not make (W1–W15).
    if (hostileByDeelnemer > 0) expect(closeCodes.get(CloseCode.WriteRefused) ?? 0, `seed ${seed}`).toBeGreaterThan(0)
    const allowed = new Set<number>([CloseCode.MalformedMessage, CloseCode.MessageTooLarge, CloseCode.RateLimited, CloseCode.WriteRefused, CloseCode.LimitExceeded])
    expect([...closeCodes.keys()].filter((code) => !allowed.has(code)), `seed ${seed}`).toEqual([])

    // The honest clients were never dropped and converge on every sticky they wrote.
    expect(honestCloses).toEqual([])
    const textsOf = (doc: Y.Doc) => readBoard(allRecords(doc)).stickies.map((s) => s.text)
    for (const c of [a, b]) await waitFor(() => written.every((t) => textsOf(c.doc).includes(t)), 'every honest sticky at each client', { timeoutMs: 10_000 })
    const serverDoc = server.rooms.get(id)!.doc
    await waitFor(() => written.every((t) => textsOf(serverDoc).includes(t)), 'every honest sticky on the server')
    expect(textsOf(serverDoc)).not.toContain('Nooit verstuurd')
    const board = readBoard(allRecords(serverDoc))
    expect(board.sheets.length).toBeGreaterThan(0)
    expect(textsOf(a.doc).sort()).toEqual(textsOf(serverDoc).sort())
    expect(textsOf(b.doc).sort()).toEqual(textsOf(serverDoc).sort())

    // A newcomer syncs the same board, and so does a restart from storage.
    const fresh = connectYClient(server.wsUrl, id, { params: { token: deelnemer.token } })
    clients.push(fresh)
    await fresh.synced
    expect(textsOf(fresh.doc).sort()).toEqual(textsOf(serverDoc).sort())
    const before = textsOf(serverDoc).sort()
    for (const c of clients.splice(0)) c.destroy()
    server = await restartTestServer(server)
    const reloaded = connectYClient(server.wsUrl, id, { params: { token: deelnemer.token } })
    clients.push(reloaded)
    await reloaded.synced
    expect(textsOf(reloaded.doc).sort()).toEqual(before)
  }, 30_000)
})
