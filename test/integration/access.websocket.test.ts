/**
 * The websocket under the real policy: stock y-websocket clients with invite
 * tokens (`params: { token }`), as automation and the DESIGN contract use them.
 */
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { readBoard } from '../../shared/boardModel'
import { CloseCode } from '../../shared/closeCodes'
import { addSticky, allRecords, writeSessionInfo } from '../../shared/ydoc'
import { ADMIN_CREDENTIAL, createInvite, join, login, PASSWORD } from '../helpers/accessFixture'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { rawSocket } from '../helpers/rawSocket'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor, withTimeout } from '../helpers/waitFor'

const texts = (client: YClient) => readBoard(allRecords(client.doc)).stickies.map((s) => s.text).sort()

describe('websocket access (SPEC Permissions)', () => {
  let server: TestServer
  const clients: YClient[] = []
  const connect = (id: string, params: Record<string, string>) => {
    const client = connectYClient(server.wsUrl, id, { params })
    clients.push(client)
    return client
  }

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  it('[P6] a stock y-websocket client with a waarnemer token sends an update: the server’s document and the other clients stay unchanged', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const deelnemer = await createInvite(server, id, 'deelnemer')
    const waarnemer = await createInvite(server, id, 'waarnemer')
    const writer = connect(id, { token: deelnemer.token })
    const other = connect(id, { token: deelnemer.token })
    const viewer = connect(id, { token: waarnemer.token })
    await Promise.all([writer.synced, other.synced, viewer.synced])

    addSticky(writer.doc, { text: 'Korte lijnen met de huisarts', tag: 'bevorderend' })
    await waitFor(() => texts(viewer).includes('Korte lijnen met de huisarts'), 'the deelnemer’s sticky at the waarnemer')
    const before = texts(other)
    const storedBefore = (await server.storage.docs.load(id)).lastSeq

    addSticky(viewer.doc, { text: 'Stiekem van de waarnemer', tag: 'belemmerend' })
    viewer.doc.getMap('session').set('title', 'Overschreven door de waarnemer')
    // Frames of one socket are handled in order: once the waarnemer's later
    // awareness reached the others, the server has handled its updates.
    viewer.provider.awareness.setLocalStateField('marker', 'Waarnemer VWS')
    await waitFor(
      () => (other.provider.awareness.getStates().get(viewer.doc.clientID) as { marker?: string } | undefined)?.marker === 'Waarnemer VWS',
      'the waarnemer’s presence at the other client (awareness passes)',
    )

    expect(texts(other)).toEqual(before)
    expect(texts(writer)).toEqual(before)
    expect(other.doc.getMap('session').get('title')).not.toBe('Overschreven door de waarnemer')
    expect((await server.storage.docs.load(id)).lastSeq).toBe(storedBefore)
    const serverDoc = server.rooms.get(id)?.doc
    expect(serverDoc && readBoard(allRecords(serverDoc)).stickies.map((s) => s.text)).toEqual(['Korte lijnen met de huisarts'])
    // A fresh reader gets the server's document: without the waarnemer's sticky.
    const reader = connect(id, { token: deelnemer.token })
    await reader.synced
    expect(texts(reader)).toEqual(['Korte lijnen met de huisarts'])
    expect(viewer.provider.wsconnected).toBe(true)
  })

  it('[P8][W14][W15] a deelnemer’s connection writes stickies but neither the session details, the facilitation state nor a root of its own: such an update is refused whole and the connection closed with WriteRefused', async () => {
    server = await startTestServer()
    const { id } = await server.createSession({ title: 'Oorspronkelijke titel' })
    const deelnemerToken = (await createInvite(server, id, 'deelnemer')).token
    const watcher = connect(id, { token: (await createInvite(server, id, 'waarnemer')).token })
    const first = connect(id, { token: deelnemerToken })
    await Promise.all([watcher.synced, first.synced])
    const title = (c: YClient) => c.doc.getMap('session').get('title')

    addSticky(first.doc, { text: 'Mag wel', tag: 'bevorderend' })
    await waitFor(() => texts(watcher).includes('Mag wel'), 'the deelnemer’s sticky')
    writeSessionInfo(first.doc, { title: 'Titel van de deelnemer' })
    expect(await withTimeout(first.serverClosed, 'close')).toBe(CloseCode.WriteRefused)
    first.destroy()

    // One transaction with a sticky and a session detail: nothing of it is applied.
    const second = connect(id, { token: deelnemerToken })
    await second.synced
    second.doc.transact(() => {
      addSticky(second.doc, { text: 'Samen met een titelwijziging', tag: 'opmerking' })
      writeSessionInfo(second.doc, { place: 'Ergens anders' })
    })
    expect(await withTimeout(second.serverClosed, 'close')).toBe(CloseCode.WriteRefused)
    second.destroy()

    const third = connect(id, { token: deelnemerToken })
    await third.synced
    third.doc.getMap('facilitation').set('phase', 'stemmen')
    expect(await withTimeout(third.serverClosed, 'close')).toBe(CloseCode.WriteRefused)
    third.destroy()

    // A root the board does not use (72 MiB went into one, issue 8) is refused too.
    const fourth = connect(id, { token: deelnemerToken })
    await fourth.synced
    fourth.doc.getText('aantekeningen').insert(0, 'vrije tekst')
    expect(await withTimeout(fourth.serverClosed, 'close')).toBe(CloseCode.WriteRefused)
    fourth.destroy()

    const serverDoc = server.rooms.get(id)!.doc
    expect(serverDoc.getMap('session').get('title')).toBe('Oorspronkelijke titel')
    expect(serverDoc.getMap('session').get('place')).toBe('Barneveld')
    expect(serverDoc.getMap('facilitation').get('phase')).toBeUndefined()
    expect(readBoard(allRecords(serverDoc)).stickies.map((s) => s.text)).toEqual(['Mag wel'])
    expect(serverDoc.getText('aantekeningen').toString()).toBe('')
    expect(title(watcher)).toBe('Oorspronkelijke titel')
    expect(texts(watcher)).toEqual(['Mag wel'])
  })

  it('[P8] the secretariaat’s connection writes the session details and the board', async () => {
    server = await startTestServer()
    const { id } = await server.createSession({ title: 'Oorspronkelijke titel' })
    const secretariaat = connect(id, { token: (await createInvite(server, id, 'secretariaat')).token })
    const watcher = connect(id, { token: (await createInvite(server, id, 'waarnemer')).token })
    await Promise.all([secretariaat.synced, watcher.synced])
    secretariaat.doc.transact(() => {
      writeSessionInfo(secretariaat.doc, { title: 'Titel van het secretariaat', afgemeld: ['ActiZ', 'LHV'] })
      addSticky(secretariaat.doc, { text: 'Opgeschoond', tag: 'conclusie' })
    })
    await waitFor(() => watcher.doc.getMap('session').get('title') === 'Titel van het secretariaat' && texts(watcher).includes('Opgeschoond'), 'the secretariaat’s edits')
    expect(secretariaat.provider.wsconnected).toBe(true)
  })

  it('[P2] without a token the socket is closed with Unauthorized and never receives the document', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const intruder = connect(id, {})
    expect(await withTimeout(intruder.closed, 'close')).toBe(CloseCode.Unauthorized)
    expect(allRecords(intruder.doc)).toEqual([])
    expect(intruder.provider.synced).toBe(false)
  })

  it('[P2] with an unknown, revoked or expired token the socket is closed with Unauthorized', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const revoked = await createInvite(server, id, 'deelnemer')
    const del = await server.api('DELETE', `/api/sessions/${id}/invites/${revoked.id}`)
    expect(del.status).toBe(204)
    const expired = await server.access.createInvite(id, 'deelnemer', { kind: 'admin', id: 'admin' }, 1 / 3_600_000)
    await waitFor(async () => (await server.access.validInvite(expired.token)) === null, 'the invite to expire')
    for (const token of ['x'.repeat(43), revoked.token, expired.token]) {
      const socket = rawSocket(`${server.wsUrl}/${id}`, { token })
      expect((await withTimeout(socket.closed, 'close')).code).toBe(CloseCode.Unauthorized)
      expect(socket.received).toEqual([])
    }
  })

  it('[P4] with a token for another session the socket is closed with Forbidden and never receives the document', async () => {
    server = await startTestServer()
    const a = await server.createSession({ title: 'Sessie A' })
    const b = await server.createSession({ title: 'Sessie B', themagroep: 'Een andere themagroep' })
    const tokenForB = await createInvite(server, b.id, 'secretariaat')
    const client = connect(a.id, { token: tokenForB.token })
    expect(await withTimeout(client.closed, 'close')).toBe(CloseCode.Forbidden)
    expect(allRecords(client.doc)).toEqual([])
    const raw = rawSocket(`${server.wsUrl}/${a.id}`, { token: tokenForB.token })
    expect((await withTimeout(raw.closed, 'close')).code).toBe(CloseCode.Forbidden)
    expect(raw.received).toEqual([])
  })

  it('[P14] a cookie-authenticated upgrade from another origin is closed with Forbidden; from the same origin it syncs', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const invite = await createInvite(server, id, 'deelnemer')
    const cred = await join(server, invite.token, 'Dirk', 'Zorggroep Noord')
    const foreign = rawSocket(`${server.wsUrl}/${id}`, { token: null, headers: { cookie: cred.cookie!, origin: 'https://evil.example' } })
    expect((await withTimeout(foreign.closed, 'close')).code).toBe(CloseCode.Forbidden)
    expect(foreign.received).toEqual([])
    const own = rawSocket(`${server.wsUrl}/${id}`, { token: null, headers: { cookie: cred.cookie!, origin: server.url } })
    await waitFor(() => own.received.length > 0, 'the first sync message')
    own.ws.close()
  })

  it('[P14] behind a reverse proxy a cookie upgrade is accepted from the forwarded host or PUBLIC_URL, and from no other origin', async () => {
    server = await startTestServer({ publicUrl: 'https://brownpaper.example' })
    const { id } = await server.createSession()
    const invite = await createInvite(server, id, 'deelnemer')
    const cred = await join(server, invite.token, 'Dirk', 'Zorggroep Noord')
    const outcome = async (headers: Record<string, string>) => {
      const socket = rawSocket(`${server.wsUrl}/${id}`, { token: null, headers: { cookie: cred.cookie!, ...headers } })
      try {
        return await withTimeout(
          Promise.race([socket.closed.then((c) => c.code), new Promise<'synced'>((resolve) => socket.ws.once('message', () => resolve('synced')))]),
          'the socket outcome',
        )
      } finally {
        socket.ws.close()
      }
    }
    // The proxy asks for localhost but forwards the host the browser used.
    expect(await outcome({ origin: 'https://bord.zorg.example', 'x-forwarded-host': 'bord.zorg.example' })).toBe('synced')
    expect(await outcome({ origin: 'https://evil.example', 'x-forwarded-host': 'bord.zorg.example' })).toBe(CloseCode.Forbidden)
    // PUBLIC_URL's host is trusted without a forwarded host.
    expect(await outcome({ origin: 'https://brownpaper.example' })).toBe('synced')
    expect(await outcome({ origin: 'https://brownpaper.example.evil.example' })).toBe(CloseCode.Forbidden)
    expect(await outcome({ origin: 'null' })).toBe(CloseCode.Forbidden)
  })

  it('[P20] a connection cannot set or remove another client’s presence; its own passes', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const invite = await createInvite(server, id, 'deelnemer')
    const a = connect(id, { token: invite.token })
    const b = connect(id, { token: invite.token })
    await Promise.all([a.synced, b.synced])
    a.provider.awareness.setLocalStateField('marker', 'Anna')
    b.provider.awareness.setLocalStateField('marker', 'Bram')
    const nameAt = (client: YClient, clientId: number) => (client.provider.awareness.getStates().get(clientId) as { marker?: string } | undefined)?.marker
    await waitFor(() => nameAt(a, b.doc.clientID) === 'Bram' && nameAt(b, a.doc.clientID) === 'Anna', 'each one’s presence at the other')

    const spoofer = rawSocket(`${server.wsUrl}/${id}`, { token: invite.token })
    await spoofer.opened
    const clockOfB = b.provider.awareness.meta.get(b.doc.clientID)?.clock ?? 0
    const entry = (clientId: number, clock: number, state: unknown) => ({ clientId, clock, state: JSON.stringify(state) })
    const awarenessFrame = (entries: { clientId: number; clock: number; state: string }[]) => {
      const inner = encoding.createEncoder()
      encoding.writeVarUint(inner, entries.length)
      for (const e of entries) {
        encoding.writeVarUint(inner, e.clientId)
        encoding.writeVarUint(inner, e.clock)
        encoding.writeVarString(inner, e.state)
      }
      const outer = encoding.createEncoder()
      encoding.writeVarUint(outer, 1)
      encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
      return encoding.toUint8Array(outer)
    }
    // Rename B, remove A, and (in the same frame) announce itself.
    spoofer.ws.send(
      awarenessFrame([
        entry(b.doc.clientID, clockOfB + 10, { marker: 'Gespoofd' }),
        entry(a.doc.clientID, 1_000, null),
        entry(424242, 1, { marker: 'Spoofer' }),
      ]),
    )
    await waitFor(() => nameAt(a, 424242) === 'Spoofer', 'the spoofer’s own presence at A')
    expect(nameAt(a, b.doc.clientID)).toBe('Bram')
    expect(nameAt(b, b.doc.clientID)).toBe('Bram')
    expect(nameAt(b, a.doc.clientID)).toBe('Anna')
    const serverStates = server.rooms.get(id)!.awareness.getStates()
    expect((serverStates.get(b.doc.clientID) as { marker?: string }).marker).toBe('Bram')
    expect(serverStates.has(a.doc.clientID)).toBe(true)
    expect(spoofer.ws.readyState).toBe(spoofer.ws.OPEN)
    spoofer.ws.close()
  })

  it('[W22] presence carries the name the server knows: a joined participant, an account and a bare invite token cannot present as someone else', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const deelnemer = await createInvite(server, id, 'deelnemer')
    await server.access.addUser({ email: 'anna@groep.nl', name: 'Anna Coördinator', role: 'coordinator', password: PASSWORD, themagroepen: ['Bekostiging SO buiten het verpleeghuis'] })
    const account = await login(server, 'anna@groep.nl')
    const joined = await join(server, deelnemer.token, 'Dirk Deelnemer', 'Zorggroep Noord')
    const withCookie = (cookie: string) => {
      const origin = server.url
      class CookieSocket extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { cookie, origin } })
        }
      }
      const client = connectYClient(server.wsUrl, id, { params: {}, socket: CookieSocket as unknown as typeof globalThis.WebSocket })
      clients.push(client)
      return client
    }
    const dirk = withCookie(joined.cookie!)
    const anna = withCookie(account.cookie!)
    const bare = connect(id, { token: deelnemer.token })
    const admin = connect(id, { token: ADMIN_CREDENTIAL.token! })
    const watcher = connect(id, { token: (await createInvite(server, id, 'waarnemer')).token })
    await Promise.all([dirk.synced, anna.synced, bare.synced, admin.synced, watcher.synced])

    // Each claims to be the minister.
    const claim = (client: YClient, marker: string) => {
      client.provider.awareness.setLocalState({
        marker,
        person: { name: 'De Minister', organisation: 'Ministerie van VWS' },
        user: { name: 'De Minister', color: '#1c7ed6' },
        presence: { typeName: 'instance_presence', userName: 'De Minister', color: '#1c7ed6', cursor: { x: 1, y: 2 } },
      })
    }
    claim(dirk, 'dirk')
    claim(anna, 'anna')
    claim(bare, 'bare')
    claim(admin, 'admin')
    type Seen = { marker?: string; person?: { name?: string; organisation?: string }; user?: { name?: string }; presence?: { userName?: string; cursor?: { x: number } } }
    const seen = (client: YClient) => watcher.provider.awareness.getStates().get(client.doc.clientID) as Seen | undefined
    await waitFor(() => [dirk, anna, bare, admin].every((c) => seen(c)?.marker !== undefined), 'four presences at the watcher')

    const names = (client: YClient) => {
      const state = seen(client)!
      return { person: state.person, user: state.user?.name, cursor: state.presence?.userName }
    }
    expect(names(dirk)).toEqual({ person: { name: 'Dirk Deelnemer', organisation: 'Zorggroep Noord' }, user: 'Dirk Deelnemer', cursor: 'Dirk Deelnemer' })
    // An account states its own organisation (accounts have none), never its name.
    expect(names(anna)).toEqual({ person: { name: 'Anna Coördinator', organisation: 'Ministerie van VWS' }, user: 'Anna Coördinator', cursor: 'Anna Coördinator' })
    expect(names(bare)).toEqual({ person: { name: 'Uitnodiging (deelnemer)', organisation: '' }, user: 'Uitnodiging (deelnemer)', cursor: 'Uitnodiging (deelnemer)' })
    // The admin token is automation: it names itself.
    expect(names(admin)).toEqual({ person: { name: 'De Minister', organisation: 'Ministerie van VWS' }, user: 'De Minister', cursor: 'De Minister' })
    // Everything else passes as sent, and the server's own view holds the same names.
    expect(seen(dirk)?.presence?.cursor?.x).toBe(1)
    expect((server.rooms.get(id)!.awareness.getStates().get(dirk.doc.clientID) as Seen).person?.name).toBe('Dirk Deelnemer')
  })

  it('[P3] the admin token joins any board as a writer', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const admin = connect(id, { token: ADMIN_CREDENTIAL.token! })
    const reader = connect(id, {})
    await admin.synced
    expect(await withTimeout(reader.closed, 'close')).toBe(CloseCode.Unauthorized)
    addSticky(admin.doc, { text: 'Door de automatisering', tag: 'afspraak' })
    await waitFor(async () => {
      const doc = server.rooms.get(id)?.doc
      return doc !== undefined && readBoard(allRecords(doc)).stickies.some((s) => s.text === 'Door de automatisering')
    }, 'the admin’s sticky on the server')
  })
})
