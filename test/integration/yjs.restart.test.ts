import { afterEach, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { DEFAULT_SHEETS } from '../../shared/session'
import { allRecords, readSessionInfo } from '../../shared/ydoc'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { restartTestServer, startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

describe('restart', () => {
  let server: TestServer
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  it('[S4] after a restart on the same DATA_DIR, sessions, sheets, API stickies and client edits are all back', async () => {
    server = await startTestServer()
    const session = await server.createSession({ title: 'Voor de herstart' })
    const writer = connectYClient(server.wsUrl, session.id)
    clients.push(writer)
    await writer.synced
    writer.doc.getMap('facilitation').set('phase', 'stemmen')
    const sticky = await server.api<{ id: string }>('POST', `/api/sessions/${session.id}/stickies`, {
      text: 'Regelruimte voor de Wlz',
      tag: 'regelruimte',
      sheet: 'Regelruimte',
    })
    expect(sticky.status).toBe(201)
    await waitFor(() => server.rooms.get(session.id)?.doc.getMap('facilitation').get('phase') === 'stemmen', 'edit on server')
    writer.destroy()

    server = await restartTestServer(server)

    expect((await server.api('GET', `/api/sessions/${session.id}`)).body).toMatchObject({ title: 'Voor de herstart' })
    const reader = connectYClient(server.wsUrl, session.id)
    clients.push(reader)
    await reader.synced
    const board = readBoard(allRecords(reader.doc))
    expect(board.sheets.map((s) => s.name)).toEqual([...DEFAULT_SHEETS.brownpapersessie])
    expect(board.stickies.find((s) => s.id === sticky.body.id)).toMatchObject({ text: 'Regelruimte voor de Wlz', tag: 'regelruimte' })
    expect(readSessionInfo(reader.doc)?.title).toBe('Voor de herstart')
    expect(reader.doc.getMap('facilitation').get('phase')).toBe('stemmen')
  })
})
