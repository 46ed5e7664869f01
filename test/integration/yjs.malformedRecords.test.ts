import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import { noteRecord } from '../../shared/records'
import { allRecords, newShapeId } from '../../shared/ydoc'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor, withTimeout } from '../helpers/waitFor'

describe('malformed board records from a socket', () => {
  let server: TestServer
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  /** Every reader of the board still answers. */
  async function roomStillReadable(id: string): Promise<void> {
    expect((await server.api('GET', `/api/sessions/${id}/verslag.md`)).status).toBe(200)
    expect((await server.api('GET', `/api/sessions/${id}/verslag.json`)).status).toBe(200)
    expect((await server.api('GET', '/api/regelruimte.json')).status).toBe(200)
    expect((await server.api('POST', `/api/sessions/${id}/stickies`, { text: 'Nog een sticky', sheet: 'Blad' })).status).toBe(201)
    expect((await server.api('POST', `/api/sessions/${id}/stickies`, { text: 'Los' })).status).toBe(201)
  }

  it.each([
    ['an entry whose val is null', { key: 'shape:junk', val: null }],
    ['an entry without val', { key: 'shape:junk' }],
    ['a number', 7],
    ['null', null],
    ['a record whose props are null', { key: 'shape:junk', val: { id: 'shape:junk', typeName: 'shape', type: 'note', parentId: 'page:page', props: null, meta: {} } }],
    ['a record whose meta is a string', { key: 'shape:junk', val: { id: 'shape:junk', typeName: 'shape', type: 'note', parentId: 'page:page', props: {}, meta: 'x' } }],
    ['a record filed under another key', { key: 'shape:junk', val: { id: 'shape:other', typeName: 'shape', type: 'note', parentId: 'page:page', props: {}, meta: {} } }],
  ])('[P15] %s in the records array is refused whole: the socket closes with MalformedMessage and the room is unaffected', async (_name, entry) => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const { token } = (await server.api<{ token: string }>('POST', `/api/sessions/${id}/invites`, { role: 'deelnemer' })).body
    const writer = connectYClient(server.wsUrl, id, { params: { token } })
    const watcher = connectYClient(server.wsUrl, id)
    clients.push(writer, watcher)
    await Promise.all([writer.synced, watcher.synced])
    const before = JSON.stringify(watcher.doc.getArray('tldraw').toJSON())

    writer.doc.getArray('tldraw').push([entry])
    expect(await withTimeout(writer.closed, 'close')).toBe(CloseCode.MalformedMessage)

    expect(JSON.stringify(server.rooms.get(id)?.doc.getArray('tldraw').toJSON())).toBe(before)
    await roomStillReadable(id)
    // The watcher stays connected and gets the server's stickies, never the malformed entry.
    await waitFor(() => allRecords(watcher.doc).some((r) => JSON.stringify(r).includes('Nog een sticky')), 'the API sticky at the watcher')
    expect(JSON.stringify(watcher.doc.getArray('tldraw').toJSON())).not.toContain('junk')
  })

  it('[P15] a well-formed record from a deelnemer is applied as before', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const { token } = (await server.api<{ token: string }>('POST', `/api/sessions/${id}/invites`, { role: 'deelnemer' })).body
    const writer = connectYClient(server.wsUrl, id, { params: { token } })
    clients.push(writer)
    await writer.synced
    const noteId = newShapeId()
    const note = noteRecord({ id: noteId, text: 'Geldige sticky', meta: { tag: 'bevorderend', createdAt: '2026-06-22T10:00:00.000Z' }, parentId: 'page:page', x: 0, y: 0, index: 'a9' })
    writer.doc.getArray('tldraw').push([{ key: noteId, val: note }])
    await waitFor(() => server.rooms.get(id)?.doc.getArray('tldraw').toJSON().some((e: { key?: string }) => e.key === noteId), 'the note on the server')
    const md = await server.api<string>('GET', `/api/sessions/${id}/verslag.md`)
    expect(md.body).toContain('Geldige sticky')
    expect(writer.provider.wsconnected).toBe(true)
  })
})
