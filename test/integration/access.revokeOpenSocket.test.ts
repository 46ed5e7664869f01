import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import { addSticky, recordsOf } from '../../shared/ydoc'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor, withTimeout } from '../helpers/waitFor'

describe('revoking an invite while its board is open', () => {
  let server: TestServer
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  it('[P10] closes the open sockets of that invite with Unauthorized; other sockets of the room stay and keep editing', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const revoked = (await server.api<{ id: string; token: string }>('POST', `/api/sessions/${id}/invites`, { role: 'deelnemer' })).body
    const kept = (await server.api<{ id: string; token: string }>('POST', `/api/sessions/${id}/invites`, { role: 'deelnemer' })).body
    const gone = connectYClient(server.wsUrl, id, { params: { token: revoked.token } })
    const stays = connectYClient(server.wsUrl, id, { params: { token: kept.token } })
    const admin = connectYClient(server.wsUrl, id)
    clients.push(gone, stays, admin)
    await Promise.all([gone.synced, stays.synced, admin.synced])

    expect((await server.api('DELETE', `/api/sessions/${id}/invites/${revoked.id}`)).status).toBe(204)
    expect(await withTimeout(gone.closed, 'close of the revoked socket')).toBe(CloseCode.Unauthorized)

    const { id: sticky } = addSticky(stays.doc, { text: 'Van de gebleven uitnodiging', tag: 'opmerking' })
    await waitFor(() => recordsOf(admin.doc).has(sticky), 'edit of the kept invite')
    expect(stays.provider.wsconnected).toBe(true)
    expect(admin.provider.wsconnected).toBe(true)
  })
})
