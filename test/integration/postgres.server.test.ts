import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { allRecords } from '../../shared/ydoc'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { createTestDatabase, type TestDatabase } from '../helpers/pgDatabase'
import { spawnServer, type ServerProcess } from '../helpers/spawnServer'
import { removeTempDirs, tempDir } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

async function postJson<T>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

describe('the server on PostgreSQL (DATABASE_URL)', () => {
  let db: TestDatabase
  const processes: ServerProcess[] = []
  const clients: YClient[] = []

  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const p of processes.splice(0)) {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGTERM')
        await p.exited
      }
    }
    removeTempDirs()
  })
  afterAll(async () => {
    await db.drop()
  })

  it('[S30][S4] keeps what it acknowledged across kill -9, in PostgreSQL and not in DATA_DIR', async () => {
    // Each start gets an empty DATA_DIR of its own: whatever survives must come from PostgreSQL.
    const first = await spawnServer({ DATABASE_URL: db.url, DATA_DIR: tempDir() })
    processes.push(first)
    const session = await postJson<{ id: string }>(`${first.url}/api/sessions`, { title: 'Op PostgreSQL', themagroep: 'Test' })
    expect(session.status).toBe(201)
    const id = session.body.id
    const a = connectYClient(first.wsUrl, id)
    const b = connectYClient(first.wsUrl, id)
    clients.push(a, b)
    await Promise.all([a.synced, b.synced])
    a.doc.getMap('facilitation').set('phase', 'clusteren')
    await waitFor(() => b.doc.getMap('facilitation').get('phase') === 'clusteren', 'b receives a’s update')
    const sticky = await postJson<{ id: string }>(`${first.url}/api/sessions/${id}/stickies`, {
      text: 'Net voor de crash',
      tag: 'conclusie',
    })
    expect(sticky.status).toBe(201)
    first.child.kill('SIGKILL')
    expect(await first.exited).toBe('SIGKILL')
    for (const c of clients.splice(0)) c.destroy()

    const second = await spawnServer({ DATABASE_URL: db.url, DATA_DIR: tempDir() })
    processes.push(second)
    const listed = await fetch(`${second.url}/api/sessions`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })
    expect(((await listed.json()) as { id: string }[]).map((s) => s.id)).toContain(id)
    const reader = connectYClient(second.wsUrl, id)
    clients.push(reader)
    await reader.synced
    expect(reader.doc.getMap('facilitation').get('phase')).toBe('clusteren')
    expect(readBoard(allRecords(reader.doc)).stickies.find((s) => s.id === sticky.body.id)).toMatchObject({
      text: 'Net voor de crash',
    })
  })

  it('[S30] stops at start-up with a message naming DATABASE_URL when PostgreSQL cannot be reached', async () => {
    const start = spawnServer({ DATABASE_URL: 'postgres://brownpaper:geheim@127.0.0.1:1/brownpaper', DATA_DIR: tempDir() })
    await expect(start).rejects.toThrow(/Cannot use the PostgreSQL database at postgres:\/\/brownpaper:\*\*\*@127\.0\.0\.1:1\/brownpaper \(DATABASE_URL\): .*ECONNREFUSED/)
    await expect(start).rejects.not.toThrow(/geheim|at Object|\.ts:/)
  })

  it('[K1] refuses REDIS_URL without DATABASE_URL at start-up', async () => {
    await expect(spawnServer({ REDIS_URL: 'redis://127.0.0.1:6379', DATA_DIR: tempDir() })).rejects.toThrow(/REDIS_URL: needs DATABASE_URL/)
  })
})
