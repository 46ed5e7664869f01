import { afterEach, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { allRecords } from '../../shared/ydoc'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { spawnServer, type ServerProcess } from '../helpers/spawnServer'
import { removeTempDirs, tempDir } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

async function postJson<T>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as T }
}

describe('crash safety', () => {
  const processes: ServerProcess[] = []
  const clients: YClient[] = []

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

  it('[S4][S1] after kill -9 right after an update was acknowledged, a restart still has it', async () => {
    const dataDir = tempDir()
    const first = await spawnServer({ DATA_DIR: dataDir, BROWNPAPER_ADMIN_TOKEN: TEST_ADMIN_TOKEN })
    processes.push(first)
    expect(first.output().stdout.split('\n')[0]).toBe(`Brownpaper listening on http://localhost:${first.port}`)

    const session = await postJson<{ id: string }>(`${first.url}/api/sessions`, { title: 'Crash', themagroep: 'Test' })
    expect(session.status).toBe(201)
    const id = session.body.id
    const a = connectYClient(first.wsUrl, id)
    const b = connectYClient(first.wsUrl, id)
    clients.push(a, b)
    await Promise.all([a.synced, b.synced])

    // A client update, acknowledged by the server in the only way y-websocket can:
    // the other client received it (S1: stored before broadcast).
    a.doc.getMap('facilitation').set('phase', 'clusteren')
    await waitFor(() => b.doc.getMap('facilitation').get('phase') === 'clusteren', 'b receives a’s update')
    first.child.kill('SIGKILL')
    const how = await first.exited
    expect(how).toBe('SIGKILL')
    await expect(fetch(`${first.url}/api/health`)).rejects.toThrow()
    for (const c of clients.splice(0)) c.destroy()

    const second = await spawnServer({ DATA_DIR: dataDir, BROWNPAPER_ADMIN_TOKEN: TEST_ADMIN_TOKEN })
    processes.push(second)
    // An API sticky answered 201, then kill -9 at once.
    const sticky = await postJson<{ id: string }>(`${second.url}/api/sessions/${id}/stickies`, {
      text: 'Net voor de crash',
      tag: 'conclusie',
    })
    expect(sticky.status).toBe(201)
    second.child.kill('SIGKILL')
    expect(await second.exited).toBe('SIGKILL')
    await expect(fetch(`${second.url}/api/health`)).rejects.toThrow()

    const third = await spawnServer({ DATA_DIR: dataDir, BROWNPAPER_ADMIN_TOKEN: TEST_ADMIN_TOKEN })
    processes.push(third)
    const reader = connectYClient(third.wsUrl, id)
    clients.push(reader)
    await reader.synced
    expect(reader.doc.getMap('facilitation').get('phase')).toBe('clusteren')
    expect(readBoard(allRecords(reader.doc)).stickies.find((s) => s.id === sticky.body.id)).toMatchObject({
      text: 'Net voor de crash',
      tag: 'conclusie',
    })
  })

  it('[S6] SIGTERM flushes every room and exits cleanly; the data is back after a restart', async () => {
    const dataDir = tempDir()
    const first = await spawnServer({ DATA_DIR: dataDir, BROWNPAPER_ADMIN_TOKEN: TEST_ADMIN_TOKEN })
    processes.push(first)
    const session = await postJson<{ id: string }>(`${first.url}/api/sessions`, { title: 'Netjes', themagroep: 'Test' })
    const a = connectYClient(first.wsUrl, session.body.id)
    clients.push(a)
    await a.synced
    a.doc.getMap('facilitation').set('timer', 300)
    await waitFor(async () => {
      const probe = connectYClient(first.wsUrl, session.body.id)
      try {
        await probe.synced
        return probe.doc.getMap('facilitation').get('timer') === 300
      } finally {
        probe.destroy()
      }
    }, 'the server has the update')
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    for (const c of clients.splice(0)) c.destroy()

    const second = await spawnServer({ DATA_DIR: dataDir, BROWNPAPER_ADMIN_TOKEN: TEST_ADMIN_TOKEN })
    processes.push(second)
    const reader = connectYClient(second.wsUrl, session.body.id)
    clients.push(reader)
    await reader.synced
    expect(reader.doc.getMap('facilitation').get('timer')).toBe(300)
  })

  it('stops at start-up with a readable message on a bad setting', async () => {
    await expect(spawnServer({ DATA_DIR: tempDir(), PORT: 'drieduizend' })).rejects.toThrow(/PORT/)
  })
})
