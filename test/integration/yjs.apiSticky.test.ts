import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoard } from '../../shared/boardModel'
import { allRecords } from '../../shared/ydoc'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { rawSocket, type RawSocket } from '../helpers/rawSocket'
import { restartTestServer, startTestServer, type TestServer } from '../helpers/startTestServer'
import { captureUpdate, carriesClient, readFrame, step1Frame, updateFrame } from '../helpers/syncFrames'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

describe('stickies added through the API', () => {
  let server: TestServer
  const clients: YClient[] = []
  const sockets: RawSocket[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of sockets.splice(0)) s.ws.close()
    await server?.close()
    removeTempDirs()
  })

  it('[S8] a sticky posted through the API appears live on a connected board with its text, tag and sheet', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const client = connectYClient(server.wsUrl, id)
    clients.push(client)
    await client.synced
    const res = await server.api<{ id: string; sheetId: string | null }>('POST', `/api/sessions/${id}/stickies`, {
      text: 'Geen aparte bekostiging voor SO buiten het verpleeghuis',
      tag: 'belemmerend',
      sheet: 'bevorderend en belemmerend',
    })
    expect(res.status).toBe(201)
    const sticky = await waitFor(
      () => readBoard(allRecords(client.doc)).stickies.find((s) => s.id === res.body.id),
      'the sticky on the client',
    )
    expect(sticky.text).toBe('Geen aparte bekostiging voor SO buiten het verpleeghuis')
    expect(sticky.tag).toBe('belemmerend')
    const sheet = readBoard(allRecords(client.doc)).sheets.find((s) => s.id === res.body.sheetId)
    expect(sheet?.name).toBe('Bevorderend en belemmerend')
    expect(sticky.sheetId).toBe(sheet?.id)
  })

  it('[S1] the API answers 201 only once the sticky is in the store', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const res = await server.api<{ id: string; sheetId: string | null }>('POST', `/api/sessions/${id}/stickies`, { text: 'Opgeslagen', tag: 'afspraak' })
    expect(res.status).toBe(201)
    const stored = await server.storage.docs.load(id)
    const doc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdate(doc, u)
    const sticky = readBoard(allRecords(doc)).stickies.find((s) => s.id === res.body.id)
    expect(sticky?.text).toBe('Opgeslagen')
    expect(sticky?.tag).toBe('afspraak')
    // F20: without a sheet in the body it lands in the first sheet, never outside every sheet.
    expect(sticky?.sheetId).toBe(res.body.sheetId)
    expect(sticky?.sheetId).not.toBeNull()
  })

  it('[S8] a connection\'s update reaches the others and is not echoed to its sender; a server change reaches every connection', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const other = connectYClient(server.wsUrl, id)
    clients.push(other)
    await other.synced
    const sender = rawSocket(`${server.wsUrl}/${id}`)
    sockets.push(sender)
    await sender.opened
    const local = new Y.Doc()
    sender.ws.send(step1Frame(local))
    await waitFor(() => sender.received.map(readFrame).some((f) => f.kind === 'step2'), 'the server\'s sync step 2')

    sender.ws.send(updateFrame(captureUpdate(local, () => local.getMap('test').set('from', 'sender'))))
    await waitFor(() => other.doc.getMap('test').get('from') === 'sender', 'the update at the other connection')
    // A change made on the server afterwards is the later event: once it reached the
    // sender, an echo of the sender's own update would have come before it.
    const res = await server.api<{ id: string }>('POST', `/api/sessions/${id}/stickies`, { text: 'Van de server', tag: 'opmerking' })
    expect(res.status).toBe(201)
    const serverClient = server.rooms.get(id)!.doc.clientID
    await waitFor(() => sender.received.map(readFrame).some((f) => f.kind === 'update' && carriesClient(f, serverClient)), 'the server change at the sender')
    await waitFor(() => readBoard(allRecords(other.doc)).stickies.some((s) => s.id === res.body.id), 'the server change at the other connection')
    expect(sender.received.map(readFrame).filter((f) => carriesClient(f, local.clientID))).toEqual([])
  })

  it('[S8] loading a room from the store broadcasts and stores nothing', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    await server.api('POST', `/api/sessions/${id}/stickies`, { text: 'Opgeslagen voor de herstart', tag: 'conclusie' })
    server = await restartTestServer(server)
    const before = await server.storage.docs.pendingUpdates(id)

    const reader = rawSocket(`${server.wsUrl}/${id}`)
    sockets.push(reader)
    await reader.opened
    reader.ws.send(step1Frame(new Y.Doc()))
    await waitFor(() => reader.received.map(readFrame).some((f) => f.kind === 'step2'), 'the server\'s sync step 2')
    const res = await server.api<{ id: string }>('POST', `/api/sessions/${id}/stickies`, { text: 'Na het laden', tag: 'opmerking' })
    expect(res.status).toBe(201)
    const updates = await waitFor(() => {
      const found = reader.received.map(readFrame).filter((f) => f.kind === 'update')
      return found.length > 0 ? found : null
    }, 'the later server change at the reader')
    // The only update message is the later change: the load itself sent none.
    expect(updates).toHaveLength(1)
    expect(await server.storage.docs.pendingUpdates(id)).toBe(before + 1)
  })
})
