/**
 * Sockets follow their grant (SPEC W18, W19): logout and the expiry of an
 * invite close the open sockets of that grant within a second, by a timer,
 * not at the socket's next message.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { CloseCode } from '../../shared/closeCodes'
import { addSticky, recordsOf } from '../../shared/ydoc'
import { createInvite, join, login, PASSWORD } from '../helpers/accessFixture'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { rawSocket, type RawSocket } from '../helpers/rawSocket'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor, withTimeout } from '../helpers/waitFor'

describe('sockets follow their grant (W18, W19)', () => {
  let server: TestServer
  const clients: YClient[] = []
  const sockets: RawSocket[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of sockets.splice(0)) s.ws.terminate()
    await server?.close()
    removeTempDirs()
  })

  it('[W18] logout closes the board sockets of that login within a second; another login of the same account stays', async () => {
    server = await startTestServer()
    await server.access.addUser({ email: 'anna@groep.nl', name: 'Anna', role: 'coordinator', password: PASSWORD })
    const first = await login(server, 'anna@groep.nl')
    const second = await login(server, 'anna@groep.nl')
    const created = await server.api<{ id: string }>('POST', '/api/sessions', { title: 'Sessie', themagroep: 'Groep A' }, first.unsafeHeaders)
    const id = created.body.id
    const open = (cookie: string) => {
      const socket = rawSocket(`${server.wsUrl}/${id}`, { token: null, headers: { cookie, origin: server.url } })
      sockets.push(socket)
      return socket
    }
    const ending = open(first.cookie!)
    const staying = open(second.cookie!)
    await Promise.all([ending.opened, staying.opened])
    await waitFor(() => server.rooms.get(id)?.connectionCount === 2, 'both sockets in the room')

    const res = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: first.unsafeHeaders })
    expect(res.status).toBe(204)
    expect((await withTimeout(ending.closed, 'the logged-out socket to close', 1_000)).code).toBe(CloseCode.Unauthorized)
    // The other login's socket still receives: a later change arrives on it.
    const admin = connectYClient(server.wsUrl, id)
    clients.push(admin)
    await admin.synced
    const before = staying.received.length
    addSticky(admin.doc, { text: 'Na het uitloggen', tag: 'opmerking' })
    await waitFor(() => staying.received.slice(before).some((frame) => new TextDecoder().decode(frame).includes('Na het uitloggen')), 'the change at the other login')
    expect(staying.ws.readyState).toBe(staying.ws.OPEN)
  })

  it('[W19] an invite that expires closes its open sockets within a second, by a timer: the token’s and the joined participant’s', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const expiresInHours = 2 / 3600 // two seconds
    const invite = await server.api<{ token: string; expiresAt: string }>('POST', `/api/sessions/${id}/invites`, { role: 'deelnemer', expiresInHours })
    expect(invite.status).toBe(201)
    const participant = await join(server, invite.body.token, 'Dirk', 'Zorggroep')
    const byToken = connectYClient(server.wsUrl, id, { params: { token: invite.body.token } })
    clients.push(byToken)
    const byCookie = rawSocket(`${server.wsUrl}/${id}`, { token: null, headers: { cookie: participant.cookie!, origin: server.url } })
    sockets.push(byCookie)
    await Promise.all([byToken.synced, byCookie.opened])
    const expiry = Date.parse(invite.body.expiresAt)
    const [tokenCode, cookieClose] = await Promise.all([
      withTimeout(byToken.closed, 'the token socket to close', expiry - Date.now() + 1_000),
      withTimeout(byCookie.closed, 'the cookie socket to close', expiry - Date.now() + 1_000),
    ])
    expect(Date.now()).toBeGreaterThanOrEqual(expiry)
    expect(tokenCode).toBe(CloseCode.Unauthorized)
    expect(cookieClose.code).toBe(CloseCode.Unauthorized)
  })

  it('[W19] a socket of an invite that stays valid is not closed: its later edit arrives', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const invite = await createInvite(server, id, 'deelnemer')
    const client = connectYClient(server.wsUrl, id, { params: { token: invite.token } })
    const watcher = connectYClient(server.wsUrl, id)
    clients.push(client, watcher)
    await Promise.all([client.synced, watcher.synced])
    const sticky = addSticky(client.doc, { text: 'Nog geldig', tag: 'opmerking' }).id
    await waitFor(() => recordsOf(watcher.doc).has(sticky), 'the edit of the valid invite')
    expect(client.provider.wsconnected).toBe(true)
  })

  it('[W23] turning a deelnemer invite into waarnemer closes its sockets at once (RoleChanged); they come back read-only and the cookie now says waarnemer', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const invite = await createInvite(server, id, 'deelnemer')
    const dirk = await join(server, invite.token, 'Dirk Deelnemer', 'Zorggroep Noord')
    const origin = server.url
    class CookieSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie: dirk.cookie!, origin } })
      }
    }
    const byCookie = connectYClient(server.wsUrl, id, { params: {}, socket: CookieSocket as unknown as typeof globalThis.WebSocket })
    const byToken = connectYClient(server.wsUrl, id, { params: { token: invite.token } })
    const watcher = connectYClient(server.wsUrl, id)
    clients.push(byCookie, byToken, watcher)
    await Promise.all([byCookie.synced, byToken.synced, watcher.synced])
    const before = addSticky(byCookie.doc, { text: 'Nog als deelnemer', tag: 'bevorderend' }).id
    await waitFor(() => recordsOf(watcher.doc).has(before), 'the deelnemer’s sticky')

    const changed = await server.api<{ role: string }>('PATCH', `/api/sessions/${id}/invites/${invite.id}`, { role: 'waarnemer' })
    expect(changed.status).toBe(200)
    expect(changed.body.role).toBe('waarnemer')
    const [cookieCode, tokenCode] = await Promise.all([
      withTimeout(byCookie.serverClosed, 'the cookie socket to close', 1_000),
      withTimeout(byToken.serverClosed, 'the token socket to close', 1_000),
    ])
    expect(cookieCode).toBe(CloseCode.RoleChanged)
    expect(tokenCode).toBe(CloseCode.RoleChanged)
    const me = await server.api<{ me: { kind: string; role: string } }>('GET', '/api/auth/me', undefined, dirk.headers)
    expect(me.body.me).toMatchObject({ kind: 'participant', role: 'waarnemer' })
    const listed = await server.api<{ id: string; role: string }[]>('GET', `/api/sessions/${id}/invites`)
    expect(listed.body.find((i) => i.id === invite.id)?.role).toBe('waarnemer')

    // Both reconnect (45xx) as waarnemers: what they write now is refused. A later
    // presence of the same socket reaching the watcher shows the server handled it.
    await waitFor(() => byCookie.provider.wsconnected && byToken.provider.wsconnected && byCookie.provider.synced && byToken.provider.synced, 'both back')
    const after = addSticky(byCookie.doc, { text: 'Als waarnemer', tag: 'bevorderend' }).id
    const afterToken = addSticky(byToken.doc, { text: 'Als waarnemer met het token', tag: 'bevorderend' }).id
    byCookie.provider.awareness.setLocalStateField('marker', 'na de rolwissel')
    byToken.provider.awareness.setLocalStateField('marker', 'na de rolwissel')
    const markerOf = (client: YClient) => (watcher.provider.awareness.getStates().get(client.doc.clientID) as { marker?: string } | undefined)?.marker
    await waitFor(() => markerOf(byCookie) === 'na de rolwissel' && markerOf(byToken) === 'na de rolwissel', 'the later presence of both')
    expect(recordsOf(watcher.doc).has(after)).toBe(false)
    expect(recordsOf(watcher.doc).has(afterToken)).toBe(false)
    expect(recordsOf(watcher.doc).has(before)).toBe(true)
  })

  it('[W23] a role change of an unknown, another session’s or a revoked invite is refused with a sentence; a bad role with 400', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const other = await server.createSession({ title: 'Een andere sessie' })
    const invite = await createInvite(server, id, 'deelnemer')
    const foreign = await createInvite(server, other.id, 'deelnemer')
    const patch = (inviteId: string, body: unknown) => server.api<{ error: string; message: string }>('PATCH', `/api/sessions/${id}/invites/${inviteId}`, body)
    expect((await patch(invite.id, { role: 'beheerder' })).status).toBe(400)
    const unknown = await patch('bestaat-niet', { role: 'waarnemer' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toBe('invite_not_found')
    expect((await patch(foreign.id, { role: 'waarnemer' })).status).toBe(404)
    expect((await server.api('DELETE', `/api/sessions/${id}/invites/${invite.id}`)).status).toBe(204)
    const revoked = await patch(invite.id, { role: 'waarnemer' })
    expect(revoked.status).toBe(409)
    expect(revoked.body).toMatchObject({ error: 'invite_revoked' })
    expect(revoked.body.message).toMatch(/ingetrokken/)
    // Nothing changed: the other session's invite keeps its role.
    const listed = await server.api<{ id: string; role: string }[]>('GET', `/api/sessions/${other.id}/invites`)
    expect(listed.body.find((i) => i.id === foreign.id)?.role).toBe('deelnemer')
  })
})
