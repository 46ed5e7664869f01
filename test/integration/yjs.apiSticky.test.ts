import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoard } from '../../shared/boardModel'
import { allRecords } from '../../shared/ydoc'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

describe('stickies added through the API', () => {
  let server: TestServer
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
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
})
