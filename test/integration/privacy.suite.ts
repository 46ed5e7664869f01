/**
 * Privacy (SPEC G1–G8), the same suite on SQLite (privacy.test.ts) and
 * PostgreSQL (privacy.postgres.test.ts): a participant who wrote stickies in
 * two sessions is erased, and nothing of their name, organisation or e-mail
 * is left in what the database stores (on SQLite: the bytes of its file and
 * WAL; on PostgreSQL: every row of every table, compressed ones unpacked),
 * the boards, the verslag versions or the audit log, while every sticky text
 * stays; a deleted session is gone from every table, the register and the
 * actielijst.
 */
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { allRecords, recordsOf, writeSessionInfo } from '../../shared/ydoc'
import { accessFixture, createInvite, GROEP_A, join, PASSWORD, type AccessFixture } from '../helpers/accessFixture'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import type { TestServer } from '../helpers/startTestServer'
import { waitFor } from '../helpers/waitFor'
import { rawSocket } from '../helpers/rawSocket'
import { CloseCode } from '../../shared/closeCodes'
import type { ServerOptions } from '../../server/app'

/** What the suite needs of a backend: a server on it, a restart on the same data, and everything it stores. */
export interface PrivacyBackend {
  start(options?: Partial<ServerOptions>): Promise<TestServer>
  restart(server: TestServer): Promise<TestServer>
  /** Every stored byte that could hold a name (also after the server closed): the file and WAL (SQLite) or every row as text (PostgreSQL), compressed values unpacked. */
  storedBytes(server: TestServer): Promise<Buffer>
  /** Every row of every table (G6), by table name. */
  tables(server: TestServer): Promise<Map<string, Record<string, unknown>[]>>
}

const NAME = 'Wilhelmina Zwartkop'
const ORG = 'Zorgbureau Quokkadal'
const EMAIL = 'w.zwartkop@quokkadal-zorg.nl'
const TEXTS = ['Korte lijnen met de wijkverpleging', 'Budget per regio ontbreekt', 'Ruimte in de Wlz voor logeeropvang']

export function privacySuite(backend: PrivacyBackend): void {
let server: TestServer | null = null
const clients: YClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.close()
  server = null
})
const startTestServer = (options: Partial<ServerOptions> = {}) => backend.start(options)
const restartTestServer = (s: TestServer) => backend.restart(s)

/** Two sessions of GROEP_A with stickies of NAME in both, a verslag version, the deelnemers list and a second participant. */
async function world(options: Partial<ServerOptions> = {}): Promise<{ s: TestServer; f: AccessFixture; second: string; cookies: string[] }> {
  const s = await startTestServer(options)
  server = s
  const f = await accessFixture(s)
  const second = (await s.api<{ id: string }>('POST', '/api/sessions', { title: 'Tweede sessie', themagroep: GROEP_A })).body.id
  const cookies: string[] = []
  for (const [i, id] of [f.session.id, second].entries()) {
    const invite = await createInvite(s, id, 'deelnemer')
    const cred = await join(s, invite.token, NAME, ORG)
    cookies.push(cred.cookie!)
    for (const text of i === 0 ? TEXTS.slice(0, 2) : TEXTS.slice(2)) {
      const res = await s.api('POST', `/api/sessions/${id}/stickies`, { text, tag: i === 0 ? 'bevorderend' : 'regelruimte' }, cred.unsafeHeaders)
      expect(res.status).toBe(201)
    }
    // Someone else in the same session: stays as they are.
    const other = await join(s, (await createInvite(s, id, 'deelnemer')).token, 'Bert Blijft', 'GGD Gelderland')
    expect((await s.api('POST', `/api/sessions/${id}/stickies`, { text: 'Bert zijn sticky', tag: 'belemmerend' }, other.unsafeHeaders)).status).toBe(201)
    await s.rooms.withRoom(id, (room) => room.transact((doc) => writeSessionInfo(doc, { deelnemers: [{ organisation: ORG, name: NAME }, { organisation: 'GGD Gelderland' }] })))
  }
  expect((await s.api('POST', `/api/sessions/${f.session.id}/vaststellen`)).status).toBe(201)
  return { s, f, second, cookies }
}

const texts = (records: unknown[]): string => JSON.stringify(records)

describe('privacy: erase a person (G2–G4)', () => {
  it('[G1][G2][G3][G4][U14] after erase, neither name nor organisation is in the database file, the boards, verslag versions or the audit log; the sticky texts stay', async () => {
    const { s, f, second } = await world()
    // An open board sees the change live (G2).
    const client = connectYClient(s.wsUrl, second)
    clients.push(client)
    await client.synced

    const found = await s.api<{ places: { place: string; sessionId: string | null; count: number }[] }>('POST', '/api/privacy/search', { name: NAME, organisation: ORG })
    expect(found.status).toBe(200)
    const foundBoards = found.body.places.filter((p) => p.place === 'board').map((p) => p.sessionId)
    expect(foundBoards.sort()).toEqual([f.session.id, second].sort())
    expect(found.body.places.map((p) => p.place)).toEqual(expect.arrayContaining(['participants', 'verslag_versions', 'audit']))
    // U14: who was there, in both sessions.
    expect(found.body.places.filter((p) => p.place === 'attendance').map((p) => p.sessionId).sort()).toEqual([f.session.id, second].sort())
    expect((await backend.storedBytes(s)).includes(NAME)).toBe(true)

    const erased = await s.api<{ pseudonym: string; places: { place: string; sessionId: string | null }[] }>('POST', '/api/privacy/erase', { name: NAME, organisation: ORG })
    expect(erased.status).toBe(200)
    expect(erased.body.pseudonym).toMatch(/^Deelnemer \d+$/)
    expect(erased.body.places.filter((p) => p.place === 'board').map((p) => p.sessionId).sort()).toEqual([f.session.id, second].sort())

    expect(erased.body.places.filter((p) => p.place === 'attendance').map((p) => p.sessionId).sort()).toEqual([f.session.id, second].sort())
    // Who was there (U14) names the pseudonym, with no organisation; someone else stays who they are.
    const present = await s.api<{ participants: { name: string; organisation: string }[] }>('GET', `/api/sessions/${second}/participants`)
    expect(present.body.participants.map((p) => `${p.name}|${p.organisation}`).sort()).toEqual(['Bert Blijft|GGD Gelderland', `${erased.body.pseudonym}|`])
    await waitFor(() => texts(allRecords(client.doc)).includes(erased.body.pseudonym), 'the open board sees the pseudonym')
    expect(texts(allRecords(client.doc))).not.toContain(NAME)

    // What is stored (G4): on SQLite the bytes of the file and its WAL.
    const bytes = await backend.storedBytes(s)
    expect(bytes.includes(NAME)).toBe(false)
    expect(bytes.includes(ORG)).toBe(false)
    for (const text of TEXTS) expect(bytes.includes(text)).toBe(true)
    // Someone else stays who they are.
    expect(bytes.includes('Bert Blijft')).toBe(true)

    // The boards as read by the verslag, its frozen version, and the audit log.
    for (const id of [f.session.id, second]) {
      const verslag = await s.api('GET', `/api/sessions/${id}/verslag.json`)
      expect(JSON.stringify(verslag.body)).not.toContain(NAME)
      expect(JSON.stringify(verslag.body)).not.toContain(ORG)
    }
    const board = JSON.stringify((await s.api('GET', `/api/sessions/${f.session.id}/verslag.json`)).body)
    for (const text of TEXTS.slice(0, 2)) expect(board).toContain(text)
    expect(board).toContain('GGD Gelderland')
    const version = await s.api('GET', `/api/sessions/${f.session.id}/versions/1/verslag.json`)
    expect(version.status).toBe(200)
    expect(JSON.stringify(version.body)).not.toContain(NAME)
    const audit = await s.api('GET', '/api/audit?limit=1000')
    expect(JSON.stringify(audit.body)).not.toContain(NAME)
    expect(JSON.stringify(audit.body)).toContain('privacy.erase')

    // After a restart the documents load as erased, with every text (the log was compacted, G4).
    const restarted = await restartTestServer(s)
    server = restarted
    for (const id of [f.session.id, second]) {
      const stored = await restarted.storage.docs.load(id)
      expect(stored.updates).toEqual([])
      const doc = new Y.Doc()
      Y.applyUpdate(doc, stored.snapshot!)
      const records = texts(allRecords(doc))
      expect(records).not.toContain(NAME)
      expect(records).not.toContain(ORG)
      expect(records).toContain(erased.body.pseudonym)
    }
  })

  it('[G4] a name already compacted into a stored snapshot before the erase is gone from what is stored after it', async () => {
    const { s, f, second } = await world()
    // Both boards compacted first: the name now sits in each stored snapshot, not only in the log.
    for (const id of [f.session.id, second]) {
      await s.rooms.withRoom(id, (room) => room.compact())
      expect((await s.storage.docs.load(id)).updates).toEqual([])
    }
    expect((await backend.storedBytes(s)).includes(NAME)).toBe(true)
    expect((await s.api('POST', '/api/privacy/erase', { name: NAME, organisation: ORG })).status).toBe(200)
    const bytes = await backend.storedBytes(s)
    expect(bytes.includes(NAME)).toBe(false)
    expect(bytes.includes(ORG)).toBe(false)
    for (const text of TEXTS) expect(bytes.includes(text)).toBe(true)
  })

  it('[G2] the person\'s open boards close (their presence ends) with IdentityErased; someone else\'s stay open', async () => {
    const { s, f, cookies } = await world()
    const theirs = rawSocket(`${s.wsUrl}/${f.session.id}`, { token: null, headers: { cookie: cookies[0]!, origin: s.url } })
    await theirs.opened
    const admin = connectYClient(s.wsUrl, f.session.id)
    clients.push(admin)
    await admin.synced
    const res = await s.api<{ places: { place: string; count: number }[] }>('POST', '/api/privacy/erase', { name: NAME, organisation: ORG })
    expect((await theirs.closed).code).toBe(CloseCode.IdentityErased)
    expect(res.body.places).toContainEqual({ place: 'presence', sessionId: null, count: 1 })
    expect(admin.provider.wsconnected).toBe(true)
  })

  it('[G2] a board version taken after the erase does not name the person who changed the board before it', async () => {
    // A long interval: the version is taken when the room unloads at close, after the erase.
    const { s, f, cookies } = await world({ history: { intervalMs: 600_000 } })
    const cookie = cookies[0]!
    class CookieSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie, origin: s.url } })
      }
    }
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(s.wsUrl, f.session.id, doc, { WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket, disableBc: true })
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
    const note = allRecords(doc).find((r) => r.type === 'note' && JSON.stringify(r).includes(NAME))!
    recordsOf(doc).set(String(note.id), { ...note, x: Number(note.x) + 40 })
    await waitFor(async () => {
      const stored = await s.storage.docs.load(f.session.id)
      return stored.updates.length > 0
    }, 'the move is stored')
    const erased = await s.api<{ pseudonym: string }>('POST', '/api/privacy/erase', { name: NAME, organisation: ORG })
    provider.destroy()
    await s.close()
    const bytes = await backend.storedBytes(s)
    expect(bytes.includes(NAME)).toBe(false)
    const names = ((await backend.tables(s)).get('history_versions') ?? []).filter((r) => r.kind === 'periodic').map((r) => String(r.actor_names))
    expect(names.length).toBeGreaterThan(0)
    expect(names.join()).toContain(erased.body.pseudonym)
    expect(names.join()).not.toContain(NAME)
  })

  it('[G3] the same person gets the same pseudonym every time; another person another one', async () => {
    const { s } = await world()
    const first = await s.api<{ pseudonym: string }>('POST', '/api/privacy/erase', { name: NAME, organisation: ORG })
    const again = await s.api<{ pseudonym: string }>('POST', '/api/privacy/erase', { name: ` ${NAME.toUpperCase()} `, organisation: '' })
    const other = await s.api<{ pseudonym: string }>('POST', '/api/privacy/erase', { name: 'Bert Blijft', organisation: '' })
    expect(again.body.pseudonym).toBe(first.body.pseudonym)
    expect(other.body.pseudonym).not.toBe(first.body.pseudonym)
  })

  it('[G5] export gives everything stored about the person as one JSON download: their stickies on both boards and their rows', async () => {
    const { s, f, second } = await world()
    const res = await fetch(`${s.url}/api/privacy/export`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.options.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: NAME, organisation: '' }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('persoonsgegevens.json')
    const body = (await res.json()) as { boards: { sessionId: string; records: unknown[] }[]; rows: { place: string }[] }
    expect(body.boards.map((b) => b.sessionId).sort()).toEqual([f.session.id, second].sort())
    for (const text of TEXTS) expect(JSON.stringify(body.boards)).toContain(text)
    expect(JSON.stringify(body.boards)).not.toContain('Bert zijn sticky')
    expect(body.rows.filter((r) => r.place === 'participants')).toHaveLength(2)
  })

  it('[G1] a search without a name or organisation is refused with a readable sentence', async () => {
    const { s } = await world()
    const res = await s.api<{ error: string; message: string }>('POST', '/api/privacy/search', { name: ' ', organisation: '' })
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(/naam of organisatie/)
    // Hostile input: too long, wrong types, not JSON; nothing is changed and the server answers in sentences.
    for (const body of [{ name: 'x'.repeat(5000) }, { name: ['Anna'] }, 'geen json']) {
      const bad = await s.api<{ error: string; message: string }>('POST', '/api/privacy/erase', body)
      expect(bad.status, JSON.stringify(body).slice(0, 40)).toBeGreaterThanOrEqual(400)
      expect(bad.status).toBeLessThan(500)
      expect(typeof bad.body.message).toBe('string')
    }
    const audit = await s.api<{ action: string }[]>('GET', '/api/audit?action=privacy.erase')
    expect(audit.body).toEqual([])
    expect((await s.api('GET', '/api/health')).status).toBe(200)
  })
})

describe('privacy: an account of the person (G13)', () => {
  it('[G13] the e-mail of the person\'s account is erased with them: from the account, its invitation and reset links and a failed login', async () => {
    const { s } = await world()
    const invite = await s.api<{ token: string }>('POST', '/api/accounts/invites', { email: EMAIL, role: 'secretariaat', themagroepen: [GROEP_A] })
    expect(invite.status).toBe(201)
    const made = await s.api<{ me: { id: string } }>('POST', '/api/accounts/link', { token: invite.body.token, name: NAME, password: PASSWORD }, { authorization: '' })
    expect(made.status).toBe(201)
    expect((await s.api('POST', `/api/accounts/${made.body.me.id}/reset-link`)).status).toBe(201)
    const failed = await s.api('POST', '/api/auth/login', { email: EMAIL, password: 'niet het goede wachtwoord' }, { authorization: '' })
    expect(failed.status).toBe(401)
    const before = await backend.storedBytes(s)
    expect(before.includes(EMAIL)).toBe(true)
    const audit = ((await backend.tables(s)).get('audit') ?? []).filter((e) => e.action === 'login.failed')
    expect(JSON.stringify(audit)).toContain(EMAIL)

    const found = await s.api<{ places: { place: string }[] }>('POST', '/api/privacy/search', { name: NAME, organisation: '' })
    expect(found.body.places.map((p) => p.place)).toEqual(expect.arrayContaining(['accounts', 'account_links', 'audit']))
    const erased = await s.api<{ pseudonym: string; places: { place: string; count: number }[] }>('POST', '/api/privacy/erase', { name: NAME, organisation: ORG })
    expect(erased.status).toBe(200)
    // The invitation and the reset link.
    expect(erased.body.places.find((p) => p.place === 'account_links')?.count).toBe(2)

    const holding = [...(await backend.tables(s))].filter(([, rows]) => JSON.stringify(rows).includes(EMAIL)).map(([t, rows]) => `${t}: ${JSON.stringify(rows.filter((r) => JSON.stringify(r).includes(EMAIL)))}`)
    expect(holding).toEqual([])
    const bytes = await backend.storedBytes(s)
    for (const gone of [NAME, ORG, EMAIL]) expect(bytes.includes(gone), gone).toBe(false)
    for (const text of TEXTS) expect(bytes.includes(text)).toBe(true)
    expect(bytes.includes('Bert Blijft')).toBe(true)
    const accounts = (await backend.tables(s)).get('users') ?? []
    expect(accounts.find((u) => u.id === made.body.me.id)?.name).toBe(erased.body.pseudonym)
  })
})

describe('privacy: delete a session (G6)', () => {
  it('[G6][U14][R15] a deleted session is gone from every table, the register and the actielijst; its open board closes; the other session stays', async () => {
    const { s, f, second } = await world()
    const client = connectYClient(s.wsUrl, second)
    clients.push(client)
    await client.synced
    // R15: a conclusie of the deleted session taken over into the other one keeps its text, but no longer names it.
    const origin = await s.api<{ id: string }>('POST', `/api/sessions/${second}/stickies`, { text: 'Eén loket voor de wijk', tag: 'conclusie' })
    const taken = await s.api<{ stickyId: string }>('POST', `/api/sessions/${f.session.id}/conclusies/overnemen`, { fromSessionId: second, stickyId: origin.body.id })
    expect(taken.status).toBe(201)
    // U14: who was there goes with the session.
    const attendanceOf = async () => ((await backend.tables(s)).get('attendance') ?? []).filter((r) => r.session_id === second)
    expect(await attendanceOf()).toHaveLength(2)
    const res = await s.api<{ places: { place: string; count: number }[] }>('DELETE', `/api/sessions/${second}`)
    expect(res.status).toBe(200)
    expect(res.body.places).toContainEqual({ place: 'attendance', sessionId: second, count: 2 })
    expect(await attendanceOf()).toEqual([])
    expect(await client.serverClosed).toBe(4404)

    const holding: string[] = []
    for (const [table, rows] of await backend.tables(s)) {
      if (rows.some((row) => Object.values(row).some((v) => (Buffer.isBuffer(v) ? v.includes(second) : String(v).includes(second))))) holding.push(table)
    }
    expect(holding).toEqual([])
    expect(res.body.places).toContainEqual({ place: 'board', sessionId: f.session.id, count: 1 })
    const kept = (await s.api<{ sections: { kind: string; conclusies?: { item: { id: string; text: string } }[] }[] }>('GET', `/api/sessions/${f.session.id}/verslag.json`)).body
    expect(kept.sections.flatMap((sec) => sec.conclusies ?? []).map((c) => [c.item.id, c.item.text])).toContainEqual([taken.body.stickyId, 'Eén loket voor de wijk'])
    expect((await s.api('GET', `/api/sessions/${second}`)).status).toBe(404)
    expect(JSON.stringify((await s.api('GET', '/api/regelruimte.json')).body)).not.toContain(second)
    expect(JSON.stringify((await s.api('GET', `/api/themagroepen/${encodeURIComponent(GROEP_A)}/actielijst.json`)).body)).not.toContain(second)
    // The other session is untouched.
    expect((await s.api('GET', `/api/sessions/${f.session.id}`)).status).toBe(200)
    const audit = await s.api<{ action: string; sessionId: string | null; detail: string }[]>('GET', '/api/audit?limit=1000')
    expect(audit.body.some((e) => e.action === 'session.delete' && e.sessionId === null)).toBe(true)
  })

  it('[G6] a participant or a coördinator of another themagroep cannot delete a session', async () => {
    const { s, f } = await world()
    expect((await s.api('DELETE', `/api/sessions/${f.session.id}`, undefined, f.creds.otherCoordinator.unsafeHeaders)).status).toBe(403)
    expect((await s.api('DELETE', `/api/sessions/${f.session.id}`, undefined, f.creds.deelnemer.unsafeHeaders)).status).toBe(403)
    expect((await s.api('GET', `/api/sessions/${f.session.id}`)).status).toBe(200)
  })
})
}
