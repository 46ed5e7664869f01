import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MemoryBackend } from '../../server/core/storage/MemoryBackend'
import { captureLog } from '../helpers/captureLog'
import { FaultyDocStore, withDocStore } from '../helpers/faultyDocs'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

describe('the API while the store fails or the server stops', () => {
  let server: TestServer

  afterEach(async () => {
    await server?.close()
    removeTempDirs()
  })

  it('[S6] a request that reaches a room while the server shuts down is a 503 shutting_down, not a 500', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    // The first step of close(): rooms are flushed while requests already accepted still run.
    await server.rooms.flushAll()
    const res = await server.api<{ error: string }>('POST', `/api/sessions/${id}/stickies`, { text: 'Te laat' })
    expect(res.status).toBe(503)
    expect(res.body.error).toBe('shutting_down')
  })

  it('[S1] a sticky the store could not take is answered with 503, not 201; it is stored once the disk is back', async () => {
    const docs = new FaultyDocStore(new MemoryBackend().docs)
    server = await startTestServer({ backend: withDocStore(new MemoryBackend(), docs), log: captureLog().log, retryMs: 50 })
    const { id } = await server.createSession()

    docs.failing = true
    const res = await server.api<{ error: string; message: string }>('POST', `/api/sessions/${id}/stickies`, { text: 'Nog niet op schijf', tag: 'bevorderend' })
    expect(res.status).toBe(503)
    expect(res.body.error).toBe('storage_unavailable')
    // Reading does not depend on the disk: the verslag still answers, with the change kept in memory (S9).
    const md = await server.api<string>('GET', `/api/sessions/${id}/verslag.md`)
    expect(md.status).toBe(200)
    expect(md.body).toContain('Nog niet op schijf')

    docs.failing = false
    await waitFor(async () => {
      const stored = await server.storage.docs.load(id)
      const doc = new Y.Doc()
      for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, update)
      return JSON.stringify(doc.getArray('tldraw').toJSON()).includes('Nog niet op schijf')
    }, 'stored on retry')
    expect((await server.api('POST', `/api/sessions/${id}/stickies`, { text: 'Weer op schijf' })).status).toBe(201)
  })
})
