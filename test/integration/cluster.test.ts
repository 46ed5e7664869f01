/**
 * Two (or three) real server processes on one PostgreSQL and one Redis
 * (SPEC K1–K9): stock y-websocket clients on different instances meet.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import * as Y from 'yjs'
import { requestStatus } from '../../server/regelruimte/requestStatus'
import { STORE_DEFINITIONS } from '../../server/app'
import { PgBackend } from '../../server/core/storage/PgBackend'
import { storesOf } from '../helpers/storesOf'
import { recordsOf } from '../../shared/ydoc'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { startCluster, startFront, TEST_REDIS_URL, type Cluster, type Front } from '../helpers/cluster'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

async function api<T>(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

const text = (client: YClient) => client.doc.getText('notes').toString()

/** A fresh process loads the room from PostgreSQL alone: what it reads is durable. */
async function readDurably(cluster: Cluster, id: string, read: (doc: Y.Doc) => boolean): Promise<Y.Doc> {
  const storage = storesOf(await PgBackend.open(cluster.db.url, STORE_DEFINITIONS))
  try {
    const stored = await storage.docs.load(id)
    const doc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdate(doc, u)
    expect(read(doc)).toBe(true)
    return doc
  } finally {
    await storage.close()
  }
}

// Two or three server processes start per test: on a loaded machine that alone may take half of the default 30 s.
describe('two instances on one PostgreSQL and one Redis', { timeout: 90_000 }, () => {
  let cluster: Cluster | null = null
  let front: Front | null = null
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await front?.close()
    front = null
    await cluster?.stop()
    cluster = null
    removeTempDirs()
  })

  const connect = (wsUrl: string, id: string) => {
    const client = connectYClient(wsUrl, id)
    clients.push(client)
    return client
  }

  it('[K2][K3] stock clients on instance 1 and instance 2 converge on text and presence', async () => {
    cluster = await startCluster(2)
    const [one, two] = cluster.instances
    if (!one || !two) throw new Error('two instances expected')
    const session = await api<{ id: string }>(one.url, 'POST', '/sessions', { title: 'Twee', themagroep: 'Test' })
    expect(session.status).toBe(201)
    const id = session.body.id
    const a = connect(one.wsUrl, id)
    const b = connect(two.wsUrl, id)
    await Promise.all([a.synced, b.synced])

    a.doc.getText('notes').insert(0, 'van een ')
    b.doc.getText('notes').insert(0, 'Groeten ')
    await waitFor(() => text(a) === text(b) && text(a).length === 'Groeten van een '.length, 'text converges')
    for (let i = 0; i < 50; i++) (i % 2 ? a : b).doc.getText('notes').insert(0, String(i % 10))
    await waitFor(() => text(a) === text(b) && text(a).length === 16 + 50, 'a burst converges')

    a.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    b.provider.awareness.setLocalStateField('user', { name: 'Bram' })
    const nameOf = (seer: YClient, seen: YClient) =>
      (seer.provider.awareness.getStates().get(seen.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name
    await waitFor(() => nameOf(b, a) === 'Anna' && nameOf(a, b) === 'Bram', 'presence crosses instances')
    // A client that leaves instance 1 disappears on instance 2.
    a.destroy()
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 'presence removed on the other instance')
  })

  it('[K2][S4] kill -9 of instance 1 during writes: its clients reconnect to instance 2 and nothing acknowledged is lost', async () => {
    cluster = await startCluster(2)
    const [one, two] = cluster.instances
    if (!one || !two) throw new Error('two instances expected')
    const id = (await api<{ id: string }>(one.url, 'POST', '/sessions', { title: 'Crash', themagroep: 'Test' })).body.id
    // The writer reaches instance 1 through a front that falls back to instance 2 (a load balancer).
    front = await startFront(() => [one.port, two.port])
    const writer = connect(front.wsUrl, id)
    const listener = connect(two.wsUrl, id)
    await Promise.all([writer.synced, listener.synced])
    const items = writer.doc.getArray<number>('items')
    const heard = listener.doc.getArray<number>('items')
    // Acknowledged = seen by the listener on instance 2 (stored before it was published, K2).
    let written = 0
    while (heard.length < 40) {
      items.push([written++])
      await new Promise((resolve) => setImmediate(resolve))
      if (written % 10 === 0) await waitFor(() => heard.length >= written - 5, 'the listener keeps up')
    }
    for (let i = 0; i < 20; i++) items.push([written++])
    one.child.kill('SIGKILL')
    const acknowledged = heard.toArray()
    expect(await one.exited).toBe('SIGKILL')
    for (let i = 0; i < 20; i++) items.push([written++])
    // The writer reconnects (through the front, now to instance 2) and resyncs what it has.
    await waitFor(() => heard.length === written, 'everything the writer has reaches instance 2', { timeoutMs: 15_000 })
    await waitFor(() => writer.provider.wsconnected, 'the writer is connected again')
    await readDurably(cluster, id, (doc) => {
      const stored = doc.getArray<number>('items').toArray()
      return acknowledged.every((n) => stored.includes(n)) && stored.length === written
    })
  })

  it('[K4][S5] compaction on one instance while the other appends loses nothing', async () => {
    cluster = await startCluster(2)
    const [one, two] = cluster.instances
    if (!one || !two) throw new Error('two instances expected')
    const id = (await api<{ id: string }>(one.url, 'POST', '/sessions', { title: 'Compact', themagroep: 'Test' })).body.id
    const a = connect(one.wsUrl, id)
    const b = connect(two.wsUrl, id)
    await Promise.all([a.synced, b.synced])
    for (let i = 0; i < 30; i++) a.doc.getArray<string>('items').push([`a${i}`])
    await waitFor(() => b.doc.getArray('items').length === 30, 'b has a’s items')
    const storage = storesOf(await PgBackend.open(cluster.db.url, STORE_DEFINITIONS))
    try {
      // a leaves: instance 1's room empties and compacts, while b keeps appending on instance 2.
      a.destroy()
      let i = 0
      const compacted = async () => (await storage.docs.load(id)).snapshot !== null
      while (!(await compacted())) {
        b.doc.getArray<string>('items').push([`b${i++}`])
        if (i > 2000) throw new Error('instance 1 never compacted')
        await new Promise((resolve) => setImmediate(resolve))
      }
      for (let j = 0; j < 10; j++) b.doc.getArray<string>('items').push([`b${i++}`])
      const total = 30 + i
      await waitFor(async () => {
        const stored = await storage.docs.load(id)
        const doc = new Y.Doc()
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
        for (const u of stored.updates) Y.applyUpdate(doc, u)
        return doc.getArray('items').length === total
      }, 'every item of both instances is stored')
      const doc = await readDurably(cluster, id, () => true)
      const stored = doc.getArray<string>('items').toArray()
      expect(new Set(stored).size).toBe(total)
      for (let j = 0; j < 30; j++) expect(stored).toContain(`a${j}`)
      for (let j = 0; j < i; j++) expect(stored).toContain(`b${j}`)
    } finally {
      await storage.close()
    }
  })

  it('[K5][R5] a status change is recorded once, whichever instance made it', async () => {
    cluster = await startCluster(2)
    const [one, two] = cluster.instances
    if (!one || !two) throw new Error('two instances expected')
    const id = (await api<{ id: string }>(one.url, 'POST', '/sessions', { title: 'Status', themagroep: 'Test' })).body.id
    const watchOne = connect(one.wsUrl, id)
    const watchTwo = connect(two.wsUrl, id)
    await Promise.all([watchOne.synced, watchTwo.synced])
    const sticky = await api<{ id: string }>(one.url, 'POST', `/sessions/${id}/stickies`, { text: 'Mag dit?', tag: 'regelruimte' })
    expect(sticky.status).toBe(201)
    const statusSeenBy = (client: YClient) => requestStatus(recordsOf(client.doc).get(sticky.body.id))
    type Patched = { history: { from: string | null; to: string }[] }
    expect((await api<Patched>(one.url, 'PATCH', `/regelruimte/${id}/${sticky.body.id}`, { status: 'ingediend' })).status).toBe(200)
    await waitFor(() => statusSeenBy(watchTwo) === 'ingediend', 'instance 2 has the first change')
    expect((await api<Patched>(two.url, 'PATCH', `/regelruimte/${id}/${sticky.body.id}`, { status: 'in behandeling' })).status).toBe(200)
    await waitFor(() => statusSeenBy(watchOne) === 'in behandeling', 'instance 1 has the second change')
    // Instance 1 records in order: a copy of the second change would come before this third one.
    const last = await api<Patched>(one.url, 'PATCH', `/regelruimte/${id}/${sticky.body.id}`, { status: 'ingediend' })
    expect(last.status).toBe(200)
    expect(last.body.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'concept'],
      ['concept', 'ingediend'],
      ['ingediend', 'in behandeling'],
      ['in behandeling', 'ingediend'],
    ])
  })

  it('[K6][P13] a setup link of one instance works on the other and spends both', async () => {
    cluster = await startCluster(2)
    const [one, two] = cluster.instances
    if (!one || !two) throw new Error('two instances expected')
    const tokenOf = (p: typeof one) => /setup\?token=([A-Za-z0-9_-]+)/.exec(p.output().stdout)?.[1]
    const tokenOne = await waitFor(() => tokenOf(one), 'instance 1 prints a setup link')
    const tokenTwo = await waitFor(() => tokenOf(two), 'instance 2 prints a setup link')
    const anonymous = async (base: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}/api${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: res.status, body: (await res.json()) as { setupPending?: boolean; error?: string } }
    }
    expect((await anonymous(two.url, 'GET', '/auth/me')).body.setupPending).toBe(true)
    const password = 'Zeven-lange-woorden-voor-een-goed-wachtwoord'
    const setup = await anonymous(two.url, 'POST', '/auth/setup', { token: tokenOne, email: 'eerste@groep.nl', name: 'Eerste', password })
    expect(setup.status).toBe(201)
    expect((await anonymous(one.url, 'GET', '/auth/me')).body.setupPending).toBe(false)
    const again = await anonymous(one.url, 'POST', '/auth/setup', { token: tokenTwo, email: 'tweede@groep.nl', name: 'Tweede', password })
    expect(again.status).toBe(403)
  })

  it('[K9][K4] an open room renews its lease: quiet for three times its time to live it stays, the other instance cannot take it, and takes it over once the holder is killed', async () => {
    const leaseMs = 3_000
    cluster = await startCluster(2, { ROOM_LEASE_MS: String(leaseMs) })
    const [one, two] = cluster.instances
    if (!one || !two) throw new Error('two instances expected')
    const redis = new Redis(TEST_REDIS_URL)
    try {
      const id = (await api<{ id: string }>(one.url, 'POST', '/sessions', { title: 'Stil', themagroep: 'Test' })).body.id
      const key = `${cluster.prefix}lease:${id}`
      const a = connect(one.wsUrl, id)
      await a.synced
      const holder = await waitFor(() => redis.get(key), 'instance 1 takes the lease when it opens the room')
      const b = connect(two.wsUrl, id)
      await b.synced
      a.doc.getText('notes').insert(0, 'één wijziging, dan stilte')
      await waitFor(() => text(b) === text(a), 'instance 2 has the room open and up to date')
      // Quiet: no update, no compaction. Instance 2 tries to take the lease all along (it does below).
      const quietUntil = Date.now() + 3 * leaseMs
      let checks = 0
      while (Date.now() < quietUntil) {
        expect(await redis.get(key)).toBe(holder)
        checks++
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(checks).toBeGreaterThan(10)
      const left = await redis.pttl(key)
      expect(left).toBeGreaterThan(0)
      one.child.kill('SIGKILL')
      const killedAt = Date.now()
      expect(await one.exited).toBe('SIGKILL')
      const taker = await waitFor(async () => {
        const now = await redis.get(key)
        return now !== null && now !== holder ? now : null
      }, 'instance 2 takes the lease over', { timeoutMs: 4 * leaseMs })
      // Not before the killed holder's lease ran out.
      expect(Date.now() - killedAt).toBeGreaterThanOrEqual(left - 100)
      expect(taker).not.toBe(holder)
      // A shutdown unloads the room and releases its lease.
      two.child.kill('SIGTERM')
      expect(await two.exited).toBe(0)
      expect(await redis.get(key)).toBeNull()
    } finally {
      redis.disconnect()
    }
  })

  it('[K9][S5] the lease holder compacts what only the other instance writes, while its own room stays open', async () => {
    cluster = await startCluster(2)
    const [one, two] = cluster.instances
    if (!one || !two) throw new Error('two instances expected')
    const redis = new Redis(TEST_REDIS_URL)
    const storage = storesOf(await PgBackend.open(cluster.db.url, STORE_DEFINITIONS))
    try {
      const id = (await api<{ id: string }>(one.url, 'POST', '/sessions', { title: 'Luisteraar', themagroep: 'Test' })).body.id
      const key = `${cluster.prefix}lease:${id}`
      const listener = connect(one.wsUrl, id)
      await listener.synced
      const holder = await waitFor(() => redis.get(key), 'instance 1 holds the lease')
      const writer = connect(two.wsUrl, id)
      await writer.synced
      // Instance 2 cannot compact (instance 1 holds the lease) and instance 1's room never empties.
      // One update at a time, each heard on instance 1 before the next: each is a log entry of its own.
      const items = writer.doc.getArray<number>('items')
      const heard = listener.doc.getArray<number>('items')
      let written = 0
      while ((await storage.docs.load(id)).snapshot === null) {
        for (let i = 0; i < 50; i++) {
          items.push([written++])
          await waitFor(() => heard.length === written, 'the listener hears it', { intervalMs: 1 })
        }
        if (written > 1_500) throw new Error('instance 1 never compacted what instance 2 wrote')
      }
      expect(await redis.get(key)).toBe(holder)
      expect(listener.provider.wsconnected).toBe(true)
      await readDurably(cluster, id, (doc) => doc.getArray('items').length === written)
    } finally {
      await storage.close()
      redis.disconnect()
    }
  })

  it('[K8][P22] failed logins, setups and short-link look-ups spread over two instances hit the limit at the same total as on one', async () => {
    cluster = await startCluster(2)
    const [one, two] = cluster.instances
    if (!one || !two) throw new Error('two instances expected')
    const anonymous = async (base: string, path: string, body: unknown) => {
      const res = await fetch(`${base}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      return res.status
    }
    const login = (base: string) => anonymous(base, '/auth/login', { email: 'Anna@Groep-A.nl', password: 'fout wachtwoord' })
    // The account budget (10 per 15 minutes, P22), alternating: one instance alone would allow 10 more.
    for (let i = 0; i < 10; i++) expect(await login(i % 2 ? two.url : one.url)).toBe(401)
    expect(await login(one.url)).toBe(429)
    expect(await login(two.url)).toBe(429)
    // The address budget of setup (10), 24 at once over both instances: exactly 10 are tried.
    const setup = (base: string, i: number) =>
      anonymous(base, '/auth/setup', { token: `bad${i}`.padEnd(43, 'x'), email: 'a@b.nl', name: 'A', password: 'Zeven-lange-woorden-voor-een-goed-wachtwoord' })
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => setup(i % 2 ? two.url : one.url, i)))
    expect(answers.filter((s) => s === 403)).toHaveLength(10)
    expect(answers.filter((s) => s === 429)).toHaveLength(14)
    // Failed short-link look-ups (M7, 30 per address) count across instances too.
    const lookUp = async (base: string, i: number) => (await fetch(`${base}/api/j/${String(i).padStart(12, '0')}`)).status
    for (let i = 0; i < 30; i++) expect(await lookUp(i % 2 ? two.url : one.url, i)).toBe(404)
    expect(await lookUp(one.url, 30)).toBe(429)
    expect(await lookUp(two.url, 31)).toBe(429)
  })

  it('[K7][V15] vaststellen on both instances at once numbers the versions one after another, no conflict', async () => {
    cluster = await startCluster(2)
    const [one, two] = cluster.instances
    if (!one || !two) throw new Error('two instances expected')
    const id = (await api<{ id: string }>(one.url, 'POST', '/sessions', { title: 'Vaststellen', themagroep: 'Test' })).body.id
    const results = await Promise.all(
      [one, two, one, two].map((p) => api<{ versie: number }>(p.url, 'POST', `/sessions/${id}/vaststellen`)),
    )
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201])
    expect(results.map((r) => r.body.versie).sort()).toEqual([1, 2, 3, 4])
    const versions = await api<{ versions: { versie: number }[] }>(two.url, 'GET', `/sessions/${id}/versions`)
    expect(versions.body.versions.map((v) => v.versie)).toEqual([1, 2, 3, 4])
  })
})
