/**
 * The permission matrix of SPEC "Permissions", driven from one table: every
 * HTTP route and the websocket × every kind of caller, each cell an expected
 * allow (2xx / the socket syncs) or deny (status / close code).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import { accessFixture, createInvite, GROEP_A, join, login, PASSWORD, WHO, type AccessFixture, type Credential, type Who } from '../helpers/accessFixture'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { rawSocket } from '../helpers/rawSocket'
import { startTestServer } from '../helpers/startTestServer'
import { addSticky } from '../../shared/ydoc'
import { connectYClient } from '../helpers/connectYClient'
import { waitFor, withTimeout } from '../helpers/waitFor'

type Expected = 'allow' | 401 | 403 | 4401 | 4403
type Row = Readonly<Record<Who, Expected>>

/** Columns: anonymous, deelnemer, waarnemer, secretariaat (invite), secretariaat account, coördinator, other coördinator, admin. */
function row(...cells: Expected[]): Row {
  return Object.fromEntries(WHO.map((who, i) => [who, cells[i]!])) as Record<Who, Expected>
}

const A = 'allow'
const PUBLIC = row(A, A, A, A, A, A, A, A)
const SEES_SESSION = row(401, A, A, A, A, A, 403, A)
const EDITS_BOARD = row(401, A, 403, A, A, A, 403, A)
const SECRETARIAAT_AND_COORDINATOR = row(401, 403, 403, A, A, A, 403, A)
const COORDINATOR_OF_GROUP = row(401, 403, 403, 403, 403, A, 403, A)
const ANY_COORDINATOR = row(401, 403, 403, 403, 403, A, A, A)
const ACCOUNTS = row(401, 403, 403, 403, A, A, A, A)
const ANY_IDENTITY = row(401, A, A, A, A, A, A, A)

interface Request {
  method: string
  path: string
  body?: unknown
  contentType?: string
}

interface HttpCase {
  rule: string
  name: string
  expected: Row
  request(f: AccessFixture): Promise<Request> | Request
}

const s = (f: AccessFixture) => `/api/sessions/${f.session.id}`
/** Sessions that already have a dated afspraak for the calendar case. */
const datedAfspraakAdded = new Set<string>()

const VERSLAG_TEXT = `Verslag: Geïmporteerde sessie
Themagroep: ${GROEP_A}

Opbrengst brownpapersessie – Samenwerking
- Korte lijnen met de huisarts
`

/** A board picture for the picture routes (a string body: the table sends strings as they are). */
const BOARD_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#b08a5a"/></svg>'

/** A request as automation (admin token), to prepare what a case needs. */
async function asAdmin(f: AccessFixture, method: string, path: string, body?: string, contentType?: string): Promise<unknown> {
  const res = await fetch(`${f.server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...(contentType ? { 'content-type': contentType } : {}) },
    body,
  })
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return res.json()
}

/** Vaststellen as the admin; the new version's number. */
async function vastgesteld(f: AccessFixture): Promise<number> {
  const version = (await asAdmin(f, 'POST', `/api/sessions/${f.session.id}/vaststellen`)) as { versie: number }
  return version.versie
}

/** A history version of the session (a vaststelling takes one, H2); its number. */
async function historyVersion(f: AccessFixture): Promise<number> {
  await vastgesteld(f)
  const list = (await asAdmin(f, 'GET', `/api/sessions/${f.session.id}/history`)) as { versions: { version: number }[] }
  return list.versions[0]!.version
}

const HTTP_CASES: HttpCase[] = [
  { rule: 'P1', name: 'GET /api/health', expected: PUBLIC, request: () => ({ method: 'GET', path: '/api/health' }) },
  { rule: 'P1', name: 'GET /api/config', expected: PUBLIC, request: () => ({ method: 'GET', path: '/api/config' }) },
  { rule: 'P1', name: 'GET /api/auth/me', expected: PUBLIC, request: () => ({ method: 'GET', path: '/api/auth/me' }) },
  { rule: 'P1', name: 'GET /api/join/:token', expected: PUBLIC, request: (f) => ({ method: 'GET', path: `/api/join/${f.invites.deelnemer.token}` }) },
  { rule: 'P4', name: 'GET /api/sessions', expected: ANY_IDENTITY, request: () => ({ method: 'GET', path: '/api/sessions' }) },
  {
    rule: 'P9',
    name: 'POST /api/sessions in the coördinator’s themagroep',
    expected: COORDINATOR_OF_GROUP,
    request: () => ({ method: 'POST', path: '/api/sessions', body: { title: 'Nog een sessie', themagroep: GROEP_A } }),
  },
  {
    rule: 'P9',
    name: 'POST /api/sessions/import into the coördinator’s themagroep',
    expected: COORDINATOR_OF_GROUP,
    request: () => ({
      method: 'POST',
      path: `/api/sessions/import?themagroep=${encodeURIComponent(GROEP_A)}`,
      body: VERSLAG_TEXT,
      contentType: 'text/plain; charset=utf-8',
    }),
  },
  { rule: 'P4', name: 'GET /api/sessions/:id', expected: SEES_SESSION, request: (f) => ({ method: 'GET', path: s(f) }) },
  {
    rule: 'P7',
    name: 'POST /api/sessions/:id/stickies',
    expected: EDITS_BOARD,
    request: (f) => ({ method: 'POST', path: `${s(f)}/stickies`, body: { text: 'Een sticky via de API', tag: 'bevorderend' } }),
  },
  { rule: 'P8', name: 'GET /api/sessions/:id/verslag.md', expected: SECRETARIAAT_AND_COORDINATOR, request: (f) => ({ method: 'GET', path: `${s(f)}/verslag.md` }) },
  { rule: 'P8', name: 'GET /api/sessions/:id/verslag.html', expected: SECRETARIAAT_AND_COORDINATOR, request: (f) => ({ method: 'GET', path: `${s(f)}/verslag.html` }) },
  { rule: 'P8', name: 'GET /api/sessions/:id/verslag.docx', expected: SECRETARIAAT_AND_COORDINATOR, request: (f) => ({ method: 'GET', path: `${s(f)}/verslag.docx` }) },
  { rule: 'P8', name: 'GET /api/sessions/:id/verslag.json', expected: SECRETARIAAT_AND_COORDINATOR, request: (f) => ({ method: 'GET', path: `${s(f)}/verslag.json` }) },
  {
    rule: 'P8',
    name: 'GET /api/sessions/:id/afspraken.ics',
    expected: SECRETARIAAT_AND_COORDINATOR,
    // A calendar needs an afspraak with a date (V23): a board client gives the session one, once.
    request: async (f) => {
      if (!datedAfspraakAdded.has(f.session.id)) {
        const client = connectYClient(f.server.wsUrl, f.session.id)
        await client.synced
        addSticky(client.doc, { text: 'Overleg over de agenda', tag: 'afspraak', extraMeta: { wanneer: '2026-06-22' } })
        await waitFor(async () => (await fetch(`${f.server.url}${s(f)}/afspraken.ics`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })).status === 200, 'the dated afspraak on the server')
        client.destroy()
        datedAfspraakAdded.add(f.session.id)
      }
      return { method: 'GET', path: `${s(f)}/afspraken.ics` }
    },
  },
  { rule: 'P8', name: 'POST /api/sessions/:id/vaststellen', expected: SECRETARIAAT_AND_COORDINATOR, request: (f) => ({ method: 'POST', path: `${s(f)}/vaststellen` }) },
  { rule: 'P8', name: 'GET /api/sessions/:id/versions', expected: SECRETARIAAT_AND_COORDINATOR, request: (f) => ({ method: 'GET', path: `${s(f)}/versions` }) },
  {
    rule: 'P8',
    name: 'GET /api/sessions/:id/versions/:n/verslag.docx',
    expected: SECRETARIAAT_AND_COORDINATOR,
    request: async (f) => {
      const version = await f.server.api<{ versie: number }>('POST', `${s(f)}/vaststellen`)
      return { method: 'GET', path: `${s(f)}/versions/${version.body.versie}/verslag.docx` }
    },
  },
  {
    rule: 'P8',
    name: 'GET /api/sessions/:id/versions/:n/verslag.json',
    expected: SECRETARIAAT_AND_COORDINATOR,
    request: async (f) => {
      const version = await f.server.api<{ versie: number }>('POST', `${s(f)}/vaststellen`)
      return { method: 'GET', path: `${s(f)}/versions/${version.body.versie}/verslag.json` }
    },
  },
  {
    rule: 'P8',
    name: 'PUT /api/sessions/:id/picture',
    expected: SECRETARIAAT_AND_COORDINATOR,
    request: (f) => ({ method: 'PUT', path: `${s(f)}/picture`, body: BOARD_SVG, contentType: 'image/svg+xml' }),
  },
  {
    rule: 'P4',
    name: 'GET /api/sessions/:id/picture',
    expected: SEES_SESSION,
    request: async (f) => {
      await f.server.api('PUT', `${s(f)}/picture`, BOARD_SVG, { 'content-type': 'image/svg+xml' })
      return { method: 'GET', path: `${s(f)}/picture` }
    },
  },
  {
    rule: 'P8',
    name: 'GET /api/sessions/:id/versions/:n/picture',
    expected: SECRETARIAAT_AND_COORDINATOR,
    request: async (f) => {
      await f.server.api('PUT', `${s(f)}/picture`, BOARD_SVG, { 'content-type': 'image/svg+xml' })
      const version = await f.server.api<{ versie: number }>('POST', `${s(f)}/vaststellen`)
      return { method: 'GET', path: `${s(f)}/versions/${version.body.versie}/picture` }
    },
  },
  {
    rule: 'P8',
    name: 'PUT /api/sessions/:id/picture',
    expected: SECRETARIAAT_AND_COORDINATOR,
    request: (f) => ({ method: 'PUT', path: `${s(f)}/picture`, body: SVG, contentType: 'image/svg+xml' }),
  },
  {
    rule: 'P4',
    name: 'GET /api/sessions/:id/picture',
    expected: SEES_SESSION,
    request: async (f) => {
      await asAdmin(f, 'PUT', `${s(f)}/picture`, SVG, 'image/svg+xml')
      return { method: 'GET', path: `${s(f)}/picture` }
    },
  },
  { rule: 'P8', name: 'POST /api/sessions/:id/vaststellen', expected: SECRETARIAAT_AND_COORDINATOR, request: (f) => ({ method: 'POST', path: `${s(f)}/vaststellen` }) },
  { rule: 'P8', name: 'GET /api/sessions/:id/versions', expected: SECRETARIAAT_AND_COORDINATOR, request: (f) => ({ method: 'GET', path: `${s(f)}/versions` }) },
  {
    rule: 'P8',
    name: 'GET /api/sessions/:id/versions/:n/verslag.md',
    expected: SECRETARIAAT_AND_COORDINATOR,
    request: async (f) => ({ method: 'GET', path: `${s(f)}/versions/${await vastgesteld(f)}/verslag.md` }),
  },
  {
    rule: 'P8',
    name: 'GET /api/sessions/:id/versions/:n/verslag.json',
    expected: SECRETARIAAT_AND_COORDINATOR,
    request: async (f) => ({ method: 'GET', path: `${s(f)}/versions/${await vastgesteld(f)}/verslag.json` }),
  },
  {
    rule: 'P8',
    name: 'GET /api/sessions/:id/versions/:n/picture',
    expected: SECRETARIAAT_AND_COORDINATOR,
    request: async (f) => {
      await asAdmin(f, 'PUT', `${s(f)}/picture`, SVG, 'image/svg+xml')
      return { method: 'GET', path: `${s(f)}/versions/${await vastgesteld(f)}/picture` }
    },
  },
  {
    rule: 'P10',
    name: 'POST /api/sessions/:id/invites',
    expected: COORDINATOR_OF_GROUP,
    request: (f) => ({ method: 'POST', path: `${s(f)}/invites`, body: { role: 'deelnemer' } }),
  },
  { rule: 'P10', name: 'GET /api/sessions/:id/invites', expected: COORDINATOR_OF_GROUP, request: (f) => ({ method: 'GET', path: `${s(f)}/invites` }) },
  {
    rule: 'P10',
    name: 'DELETE /api/sessions/:id/invites/:inviteId',
    expected: COORDINATOR_OF_GROUP,
    request: async (f) => {
      const invite = await createInvite(f.server, f.session.id, 'deelnemer')
      return { method: 'DELETE', path: `${s(f)}/invites/${invite.id}` }
    },
  },
  { rule: 'P12', name: 'GET /api/regelruimte.json', expected: ACCOUNTS, request: () => ({ method: 'GET', path: '/api/regelruimte.json' }) },
  { rule: 'P12', name: 'GET /api/regelruimte.csv', expected: ACCOUNTS, request: () => ({ method: 'GET', path: '/api/regelruimte.csv' }) },
  {
    rule: 'P8',
    name: 'PATCH /api/regelruimte/:id/:stickyId',
    expected: SECRETARIAAT_AND_COORDINATOR,
    request: async (f) => {
      const sticky = (await asAdmin(f, 'POST', `${s(f)}/stickies`, JSON.stringify({ text: 'Ruimte in de beleidsregel', tag: 'regelruimte' }), 'application/json')) as { id: string }
      return { method: 'PATCH', path: `/api/regelruimte/${f.session.id}/${encodeURIComponent(sticky.id)}`, body: { status: 'ingediend' } }
    },
  },
  { rule: 'P11', name: 'GET /api/audit', expected: ANY_COORDINATOR, request: () => ({ method: 'GET', path: '/api/audit' }) },
  { rule: 'P12', name: 'GET /api/regelruimte.json', expected: ACCOUNTS, request: () => ({ method: 'GET', path: '/api/regelruimte.json' }) },
  { rule: 'P12', name: 'GET /api/regelruimte.csv', expected: ACCOUNTS, request: () => ({ method: 'GET', path: '/api/regelruimte.csv' }) },
  {
    rule: 'P8',
    name: 'PATCH /api/regelruimte/:id/:stickyId',
    expected: SECRETARIAAT_AND_COORDINATOR,
    request: async (f) => {
      const sticky = (await asAdmin(f, 'POST', `${s(f)}/stickies`, JSON.stringify({ text: 'Ruimte in de Wlz', tag: 'regelruimte' }), 'application/json')) as { id: string }
      return { method: 'PATCH', path: `/api/regelruimte/${f.session.id}/${encodeURIComponent(sticky.id)}`, body: { status: 'ingediend' } }
    },
  },
  { rule: 'P12', name: 'GET /api/themagroepen', expected: ACCOUNTS, request: () => ({ method: 'GET', path: '/api/themagroepen' }) },
  {
    rule: 'P12',
    name: 'POST /api/themagroepen/:name/members',
    expected: COORDINATOR_OF_GROUP,
    request: (f) => ({ method: 'POST', path: `/api/themagroepen/${encodeURIComponent(GROEP_A)}/members`, body: { email: f.emails.secretariaatAccount } }),
  },
  { rule: 'P21', name: 'GET /api/sessions/:id/history', expected: SECRETARIAAT_AND_COORDINATOR, request: (f) => ({ method: 'GET', path: `${s(f)}/history` }) },
  {
    rule: 'P21',
    name: 'GET /api/sessions/:id/history/:version',
    expected: SECRETARIAAT_AND_COORDINATOR,
    request: async (f) => ({ method: 'GET', path: `${s(f)}/history/${await historyVersion(f)}` }),
  },
  {
    rule: 'P21',
    name: 'POST /api/sessions/:id/history/:version/restore',
    expected: SECRETARIAAT_AND_COORDINATOR,
    request: async (f) => ({ method: 'POST', path: `${s(f)}/history/${await historyVersion(f)}/restore` }),
  },
  // Last: it ends the cookie sessions it is called with.
  { rule: 'P1', name: 'POST /api/auth/logout', expected: PUBLIC, request: () => ({ method: 'POST', path: '/api/auth/logout' }) },
]

const WS_CASE = { rule: 'P5', name: 'WS /yjs/:id (open the board)', expected: row(4401, A, A, A, A, A, 4403, A) }

async function send(f: AccessFixture, cred: Credential, req: Request): Promise<number> {
  const unsafe = req.method !== 'GET'
  const headers: Record<string, string> = { ...(unsafe ? cred.unsafeHeaders : cred.headers) }
  if (req.body !== undefined) headers['content-type'] = req.contentType ?? 'application/json'
  const res = await fetch(`${f.server.url}${req.path}`, {
    method: req.method,
    headers,
    body: req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body),
  })
  await res.arrayBuffer()
  return res.status
}

/** 'allow' when the socket receives the document's first sync message, else the close code. */
async function openBoard(f: AccessFixture, cred: Credential): Promise<Expected | number> {
  const headers: Record<string, string> = cred.cookie ? { cookie: cred.cookie, origin: f.server.url } : {}
  const socket = rawSocket(`${f.server.wsUrl}/${f.session.id}`, { token: cred.token, headers })
  try {
    const outcome = await withTimeout(
      Promise.race([
        socket.closed.then((c) => c.code),
        new Promise<'allow'>((resolve) => socket.ws.once('message', () => resolve('allow'))),
      ]),
      'socket outcome',
    )
    return outcome
  } finally {
    socket.ws.close()
  }
}

describe('authorization matrix (SPEC Permissions)', () => {
  let f: AccessFixture

  beforeAll(async () => {
    const server = await startTestServer({ loginAttempts: 1000 })
    f = await accessFixture(server)
  })
  afterAll(async () => {
    await f.server.close()
  })

  describe.each(HTTP_CASES)('$name', (c) => {
    it.each(WHO.map((who) => [who, c.expected[who]] as const))(`[${c.rule}] %s → %s`, async (who, expected) => {
      const status = await send(f, f.creds[who], await c.request(f))
      if (expected === 'allow') {
        expect(status, `${c.name} as ${who}`).toBeGreaterThanOrEqual(200)
        expect(status, `${c.name} as ${who}`).toBeLessThan(300)
      } else {
        expect(status, `${c.name} as ${who}`).toBe(expected)
      }
    })
  })

  describe(WS_CASE.name, () => {
    it.each(WHO.map((who) => [who, WS_CASE.expected[who]] as const))(`[${WS_CASE.rule}][P2][P4] %s → %s`, async (who, expected) => {
      const cred = f.creds[who]
      // The logout row above ended the cookie sessions: open the board with fresh ones.
      const fresh = cred.cookie ? await refresh(f, who) : cred
      expect(await openBoard(f, fresh)).toBe(expected === 'allow' ? 'allow' : expected === 4401 ? CloseCode.Unauthorized : CloseCode.Forbidden)
    })
  })
})

async function refresh(f: AccessFixture, who: Who): Promise<Credential> {
  switch (who) {
    case 'coordinator':
    case 'otherCoordinator':
    case 'secretariaatAccount':
      return login(f.server, f.emails[who], PASSWORD)
    case 'deelnemer':
    case 'waarnemer':
    case 'secretariaat':
      return join(f.server, f.invites[who].token, `Nieuwe ${who}`, 'Organisatie')
    default:
      return f.creds[who]
  }
}
