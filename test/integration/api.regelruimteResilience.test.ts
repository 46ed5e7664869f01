import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Register } from '../../shared/regelruimte'
import { captureLog } from '../helpers/captureLog'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'

describe('the register across sessions', () => {
  let server: TestServer

  afterEach(async () => {
    await server?.close()
    removeTempDirs()
  })

  it('[R1] a session whose stored document cannot be read does not take the register down for every other session', async () => {
    const { log, lines } = captureLog()
    server = await startTestServer({ log })
    const good = await server.createSession({ title: 'Goede sessie' })
    expect((await server.api('POST', `/api/sessions/${good.id}/stickies`, { text: 'Ruimte in de Wlz', tag: 'regelruimte', sheet: 'Blad' })).status).toBe(201)
    const broken = await server.createSession({ title: 'Kapotte sessie' })
    // A document stored before the edge refused malformed records (P15): an entry without a record.
    const legacy = new Y.Doc()
    Y.applyUpdate(legacy, Y.encodeStateAsUpdate(server.rooms.get(broken.id)!.doc))
    const before = Y.encodeStateVector(legacy)
    legacy.getArray('tldraw').push([{ key: 'shape:legacy' }])
    await server.rooms.flushAll()
    await server.storage.docs.appendUpdate(broken.id, Y.encodeStateAsUpdate(legacy, before))
    await server.close()
    server = await startTestServer({ ...server.options, log })

    const res = await server.api<Register>('GET', '/api/regelruimte.json')
    expect(res.status).toBe(200)
    expect(res.body.rows.map((r) => r.text)).toEqual(['Ruimte in de Wlz'])
    expect(lines.some((l) => l.level >= 50 && /register/.test(l.msg))).toBe(true)
    const csv = await server.api<string>('GET', '/api/regelruimte.csv')
    expect(csv.status).toBe(200)
  })
})
