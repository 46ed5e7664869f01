/**
 * The permission matrix of SPEC "Permissions", generated: every route of the
 * running app under /api (read from Express's router, each with the action
 * its authorize() middleware checks) and the websocket, crossed with every
 * kind of caller — including participants of another session of the same
 * themagroep and of another themagroep, and an invite token used as a bearer.
 * A route added anywhere is picked up by itself; what each caller may do is
 * the SPEC table below, per action (not per route), written down here and
 * not computed from the policy it checks.
 */
import type { Express } from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import type { SessionSummary } from '../../shared/api'
import { recordsOf, type StoredRecord } from '../../shared/ydoc'
import { authorizedAction } from '../../server/access/authorize'
import { ACTIONS, type Action } from '../../server/access/policy'
import {
  accessFixture,
  createInvite,
  GROEP_A,
  GROEP_B,
  join,
  login,
  PASSWORD,
  WHO,
  type AccessFixture,
  type Credential,
  type Who,
} from '../helpers/accessFixture'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { appRoutes } from '../helpers/appRoutes'
import { rawSocket } from '../helpers/rawSocket'
import { startTestServer } from '../helpers/startTestServer'
import { withTimeout } from '../helpers/waitFor'

/** The SPEC table's columns plus three kinds of caller it implies. */
const CALLERS = [...WHO, 'deelnemerOtherSession', 'deelnemerOtherGroep', 'deelnemerToken'] as const
type Caller = (typeof CALLERS)[number]

type Expected = 'allow' | 401 | 403
/** One SPEC row over its eight columns (anonymous … admin). */
type SpecRow = Readonly<Record<Who, Expected>>

function row(...cells: Expected[]): SpecRow {
  return Object.fromEntries(WHO.map((who, i) => [who, cells[i]!])) as Record<Who, Expected>
}

const A = 'allow'
const PUBLIC = row(A, A, A, A, A, A, A, A)
const ANY_IDENTITY = row(401, A, A, A, A, A, A, A)
const SEES_SESSION = row(401, A, A, A, A, A, 403, A)
const EDITS_BOARD = row(401, A, 403, A, A, A, 403, A)
const SECRETARIAAT_AND_COORDINATOR = row(401, 403, 403, A, A, A, 403, A)
const COORDINATOR_OF_GROUP = row(401, 403, 403, 403, 403, A, 403, A)
const ANY_COORDINATOR = row(401, 403, 403, 403, 403, A, A, A)
const ACCOUNTS = row(401, 403, 403, 403, A, A, A, A)
const MEMBER_ACCOUNTS = row(401, 403, 403, 403, A, A, 403, A)
/** P12, R11: accounts, and an invited secretariaat (rows of its session's themagroep). */
const REGISTER_READERS = row(401, 403, 403, A, A, A, A, A)

/** SPEC "Permissions", per action of the policy; requests that create name GROEP_A. */
const SPEC_ROWS: Readonly<Record<string, SpecRow>> = {
  'health:read': PUBLIC,
  'config:read': PUBLIC,
  'auth:public': PUBLIC,
  'session:list': ANY_IDENTITY,
  'session:create': COORDINATOR_OF_GROUP,
  'session:import': COORDINATOR_OF_GROUP,
  'session:read': SEES_SESSION,
  'session:update': SECRETARIAAT_AND_COORDINATOR,
  'board:read': SEES_SESSION,
  'board:write': EDITS_BOARD,
  'sticky:create': EDITS_BOARD,
  'verslag:read': SECRETARIAAT_AND_COORDINATOR,
  'verslag:export': SECRETARIAAT_AND_COORDINATOR,
  'verslag:vaststellen': SECRETARIAAT_AND_COORDINATOR,
  'regelruimte:read': REGISTER_READERS,
  'regelruimte:update': SECRETARIAAT_AND_COORDINATOR,
  'facilitation:update': SECRETARIAAT_AND_COORDINATOR,
  'invite:create': COORDINATOR_OF_GROUP,
  'invite:list': COORDINATOR_OF_GROUP,
  'invite:revoke': COORDINATOR_OF_GROUP,
  'invite:changeRole': COORDINATOR_OF_GROUP,
  'audit:read': ANY_COORDINATOR,
  'themagroep:list': ACCOUNTS,
  'themagroep:addMember': COORDINATOR_OF_GROUP,
  'history:read': SECRETARIAAT_AND_COORDINATOR,
  'history:restore': SECRETARIAAT_AND_COORDINATOR,
  'actielijst:read': MEMBER_ACCOUNTS,
  'actielijst:update': MEMBER_ACCOUNTS,
  'actielijst:feed': PUBLIC,
  'account:invite': COORDINATOR_OF_GROUP,
  'account:list': ANY_COORDINATOR,
  'account:manage': COORDINATOR_OF_GROUP,
  'themagroep:removeMember': COORDINATOR_OF_GROUP,
  'account:password': ACCOUNTS,
  'participants:read': SECRETARIAAT_AND_COORDINATOR,
  'conclusie:earlier': SECRETARIAAT_AND_COORDINATOR,
  'conclusie:takeOver': SECRETARIAAT_AND_COORDINATOR,
  'privacy:search': ANY_COORDINATOR,
  'privacy:erase': ANY_COORDINATOR,
  'privacy:export': ANY_COORDINATOR,
  'session:delete': COORDINATOR_OF_GROUP,
}

/** The SPEC rule of each action's row. */
const RULE: Readonly<Record<string, string>> = {
  'health:read': 'P1', 'config:read': 'P1', 'auth:public': 'P1',
  'session:list': 'P4', 'session:read': 'P4', 'board:read': 'P5', 'board:write': 'P6', 'sticky:create': 'P7',
  'session:update': 'P8', 'verslag:read': 'P8', 'verslag:export': 'P8', 'verslag:vaststellen': 'P8', 'regelruimte:update': 'P8',
  'facilitation:update': 'F2',
  'session:create': 'P9', 'session:import': 'P9',
  'invite:create': 'P10', 'invite:list': 'P10', 'invite:revoke': 'P10', 'invite:changeRole': 'W23',
  'audit:read': 'P11', 'regelruimte:read': 'R11', 'themagroep:list': 'P12', 'themagroep:addMember': 'P12',
  'history:read': 'P21', 'history:restore': 'P21',
  'actielijst:read': 'A1', 'actielijst:update': 'A1', 'actielijst:feed': 'A8',
  'account:invite': 'U1', 'account:list': 'U4', 'account:manage': 'U6', 'themagroep:removeMember': 'U5', 'account:password': 'U9',
  'participants:read': 'U12',
  'conclusie:earlier': 'R13', 'conclusie:takeOver': 'R13',
  'privacy:search': 'G1', 'privacy:erase': 'G1', 'privacy:export': 'G1', 'session:delete': 'G6',
}

/**
 * What a caller may do: its SPEC column; a participant of another session
 * is refused everything about this session (P4) and otherwise is a
 * deelnemer; an invite token as bearer acts as its participant (P2).
 */
function expectedFor(action: string, caller: Caller, sessionScoped: boolean): Expected {
  const specRow = SPEC_ROWS[action]
  if (!specRow) throw new Error(`no SPEC row for action ${action}`)
  switch (caller) {
    case 'deelnemerOtherSession':
    case 'deelnemerOtherGroep':
      return sessionScoped ? 403 : specRow.deelnemer
    case 'deelnemerToken':
      return specRow.deelnemer
    default:
      return specRow[caller]
  }
}

interface Route {
  method: string
  /** Express path under the app, e.g. /api/sessions/:id. */
  path: string
  actions: Action[]
}

/**
 * Routes without an authorize() of their own in the router: one chooses it
 * per request (by format); the core's health check reads no credentials at
 * all (P1). Any other route without one fails the first test below.
 */
const PER_REQUEST: Readonly<Record<string, Action[]>> = {
  'GET /api/sessions/:id/versions/:n/verslag.:format': ['verslag:read', 'verslag:export'],
  'GET /api/health': ['health:read'],
}

/** Every route of the app's /api router with the actions its authorize() middleware checks. */
function routesOf(app: Express): Route[] {
  const routes: Route[] = []
  for (const { method: m, path, handles } of appRoutes(app)) {
    const tagged = handles.map((handle) => authorizedAction(handle)).filter((a): a is Action => a !== undefined)
    const actions = tagged.length > 0 ? tagged : (PER_REQUEST[`${m} ${path}`] ?? [])
    // A feature may register a handler of its own on an existing route (and pass on with next()): one row, both actions.
    const same = routes.find((r) => r.method === m && r.path === path)
    if (same) same.actions = [...new Set([...same.actions, ...actions])]
    else routes.push({ method: m, path, actions })
  }
  return routes
}

interface Request {
  method: string
  path: string
  body?: string
  contentType?: string
}

/** Prepared once: what the requests need (a version, a picture, a regelruimte sticky). */
interface World {
  f: AccessFixture
  creds: Record<Caller, Credential>
  /** A session of GROEP_A other than f.session, with a participant of its own. */
  sessionA2: SessionSummary
  versie: number
  stickyId: string
  /** Invite tokens of the participants of other sessions, to join again after logout. */
  otherInvites: Record<'deelnemerOtherSession' | 'deelnemerOtherGroep', string>
}

const VERSLAG_TEXT = `Verslag: Geïmporteerde sessie
Themagroep: ${GROEP_A}

Opbrengst brownpapersessie – Samenwerking
- Korte lijnen met de huisarts
`
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#b08a5a"/></svg>'
const json = (body: unknown) => ({ body: JSON.stringify(body), contentType: 'application/json' })

/** Requests that answer 2xx when allowed; any other route gets a generic one (below). */
const REQUESTS: Readonly<Record<string, (w: World) => Promise<Partial<Request>> | Partial<Request>>> = {
  'POST /api/sessions': () => json({ title: 'Nog een sessie', themagroep: GROEP_A }),
  'POST /api/sessions/import': () => ({
    path: `/api/sessions/import?themagroep=${encodeURIComponent(GROEP_A)}`,
    body: VERSLAG_TEXT,
    contentType: 'text/plain; charset=utf-8',
  }),
  'POST /api/sessions/:id/stickies': () => json({ text: 'Een sticky via de API', tag: 'bevorderend' }),
  'PUT /api/sessions/:id/picture': () => ({ body: SVG, contentType: 'image/svg+xml' }),
  'POST /api/sessions/:id/invites': () => json({ role: 'deelnemer' }),
  'DELETE /api/sessions/:id/invites/:inviteId': async (w) => {
    const invite = await createInvite(w.f.server, w.f.session.id, 'deelnemer')
    return { path: `/api/sessions/${w.f.session.id}/invites/${invite.id}` }
  },
  'PATCH /api/sessions/:id/invites/:inviteId': async (w) => {
    const invite = await createInvite(w.f.server, w.f.session.id, 'deelnemer')
    return { path: `/api/sessions/${w.f.session.id}/invites/${invite.id}`, ...json({ role: 'waarnemer' }) }
  },
  'PATCH /api/regelruimte/:id/:stickyId': () => json({ status: 'ingediend' }),
  'POST /api/themagroepen/:name/members': (w) => json({ email: w.f.emails.secretariaatAccount }),
  'POST /api/auth/login': (w) => json({ email: w.f.emails.coordinator, password: PASSWORD }),
  'POST /api/join': (w) => json({ token: w.f.invites.waarnemer.token, name: 'Nog een waarnemer', organisation: 'NZa' }),
  'GET /api/j/:code': async (w) => {
    const invite = await createInvite(w.f.server, w.f.session.id, 'deelnemer')
    const link = await asAdmin<{ code: string }>(w, 'POST', `/api/sessions/${w.f.session.id}/short-links`, JSON.stringify({ token: invite.token }), 'application/json')
    return { path: `/api/j/${link.code}` }
  },
  'GET /api/actielijst/:file': async (w) => {
    const feed = await asAdmin<{ url: string }>(w, 'POST', `/api/themagroepen/${encodeURIComponent(GROEP_A)}/actielijst/feed`)
    return { path: new URL(feed.url).pathname }
  },
  'POST /api/accounts/invites': () => json({ email: `uitgenodigd-${++accountCount}@groep-a.nl`, role: 'secretariaat', themagroepen: [GROEP_A] }),
  'GET /api/accounts/link': async (w) => {
    const link = await asAdmin<{ token: string }>(w, 'POST', '/api/accounts/invites', JSON.stringify({ email: `link-${++accountCount}@groep-a.nl`, role: 'secretariaat', themagroepen: [GROEP_A] }), 'application/json')
    return { path: `/api/accounts/link?token=${link.token}` }
  },
  'POST /api/accounts/:userId/deactivate': async (w) => ({ path: `/api/accounts/${await memberOfA(w)}/deactivate`, ...json({}) }),
  'POST /api/accounts/:userId/reactivate': async (w) => ({ path: `/api/accounts/${await memberOfA(w)}/reactivate`, ...json({}) }),
  'POST /api/accounts/:userId/reset-link': async (w) => ({ path: `/api/accounts/${await memberOfA(w)}/reset-link`, ...json({}) }),
  'DELETE /api/themagroepen/:name/members/:userId': async (w) => ({ path: `/api/themagroepen/${encodeURIComponent(GROEP_A)}/members/${await memberOfA(w)}` }),
  // G1: a person nobody stored; G6: a session made for the request (deleting f.session would end the matrix).
  'POST /api/privacy/search': () => json({ name: 'Niemand Bekend', organisation: '' }),
  'POST /api/privacy/erase': () => json({ name: 'Niemand Bekend', organisation: '' }),
  'POST /api/privacy/export': () => json({ name: 'Niemand Bekend', organisation: '' }),
  'DELETE /api/sessions/:id': async (w) => {
    const session = await asAdmin<{ id: string }>(w, 'POST', '/api/sessions', JSON.stringify({ title: 'Te verwijderen', themagroep: GROEP_A }), 'application/json')
    return { path: `/api/sessions/${session.id}` }
  },
  // R13: a fresh conclusie of another session of GROEP_A for every allowed caller (taking one over twice is 409).
  'POST /api/sessions/:id/conclusies/overnemen': async (w) => {
    const sticky = await asAdmin<{ id: string }>(w, 'POST', `/api/sessions/${w.sessionA2.id}/stickies`, JSON.stringify({ text: `Conclusie ${++accountCount}`, tag: 'conclusie' }), 'application/json')
    return json({ fromSessionId: w.sessionA2.id, stickyId: sticky.id })
  },
  'GET /api/sessions/:id/versions/:n/verslag.:format': (w) => ({ path: `/api/sessions/${w.f.session.id}/versions/${w.versie}/verslag.md` }),
  'GET /api/sessions/:id/history/:version': async (w) => ({ path: `/api/sessions/${w.f.session.id}/history/${await historyVersion(w)}` }),
  'POST /api/sessions/:id/history/:version/restore': async (w) => ({
    path: `/api/sessions/${w.f.session.id}/history/${await historyVersion(w)}/restore`,
    ...json({}),
  }),
}

let accountCount = 0

/** U5, U6, U10: a fresh account in GROEP_A to act on (never one of the callers, whose sessions must stay). */
async function memberOfA(w: World): Promise<string> {
  const user = await w.f.server.access.addUser({ email: `lid-${++accountCount}@groep-a.nl`, name: 'Lid', role: 'secretariaat', password: PASSWORD, themagroepen: [GROEP_A] })
  if (!user) throw new Error('could not add an account')
  return user.id
}

/** The newest history version of f.session (the world's vaststelling took one, H2). */
async function historyVersion(w: World): Promise<number> {
  const list = await asAdmin<{ versions: { version: number }[] }>(w, 'GET', `/api/sessions/${w.f.session.id}/history`)
  const newest = list.versions[0]
  if (!newest) throw new Error('no history version to ask for')
  return newest.version
}

const KNOWN_PARAMS = new Set(['id', 'sessionId', 'name', 'token', 'n', 'stickyId'])

/** Values for route parameters: everything is about f.session (GROEP_A). */
function fillPath(path: string, w: World): string {
  const values: Record<string, string> = {
    id: w.f.session.id,
    sessionId: w.f.session.id,
    name: encodeURIComponent(GROEP_A),
    token: w.f.invites.deelnemer.token,
    n: String(w.versie),
    stickyId: encodeURIComponent(w.stickyId),
  }
  // An unknown parameter gets a placeholder: authorization still runs first.
  return path.replace(/:([A-Za-z]+)/g, (_, param: string) => values[param] ?? 'onbekend')
}

async function buildRequest(route: Route, w: World): Promise<Request> {
  const special = REQUESTS[`${route.method} ${route.path}`]
  const base: Request = { method: route.method, path: fillPath(route.path, w) }
  if (special) return { ...base, ...(await special(w)) }
  return route.method === 'GET' || route.method === 'DELETE' ? base : { ...base, ...json({}) }
}

async function send(w: World, cred: Credential, req: Request): Promise<number> {
  const unsafe = req.method !== 'GET'
  const headers: Record<string, string> = { ...(unsafe ? cred.unsafeHeaders : cred.headers) }
  if (req.body !== undefined) headers['content-type'] = req.contentType ?? 'application/json'
  const res = await fetch(`${w.f.server.url}${req.path}`, { method: req.method, headers, body: req.body })
  await res.arrayBuffer()
  return res.status
}

/** 'allow' when the socket receives the document's first sync message, else the close code. */
async function openBoard(w: World, cred: Credential): Promise<'allow' | number> {
  const headers: Record<string, string> = cred.cookie ? { cookie: cred.cookie, origin: w.f.server.url } : {}
  const socket = rawSocket(`${w.f.server.wsUrl}/${w.f.session.id}`, { token: cred.token, headers })
  try {
    return await withTimeout(
      Promise.race([socket.closed.then((c) => c.code), new Promise<'allow'>((resolve) => socket.ws.once('message', () => resolve('allow')))]),
      'socket outcome',
    )
  } finally {
    socket.ws.close()
  }
}

const bearer = (token: string): Credential => ({
  headers: { authorization: `Bearer ${token}` },
  unsafeHeaders: { authorization: `Bearer ${token}` },
  cookie: null,
  token,
})

async function asAdmin<T>(w: { f: AccessFixture }, method: string, path: string, body?: string, contentType?: string): Promise<T> {
  const res = await fetch(`${w.f.server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...(contentType ? { 'content-type': contentType } : {}) },
    body,
  })
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** Fresh credentials of the same kind (logout ends cookie sessions). */
async function fresh(w: World, caller: Caller): Promise<Credential> {
  const f = w.f
  switch (caller) {
    case 'coordinator':
    case 'otherCoordinator':
    case 'secretariaatAccount':
      return login(f.server, f.emails[caller], PASSWORD)
    case 'deelnemer':
    case 'waarnemer':
    case 'secretariaat':
      return join(f.server, f.invites[caller].token, `Nieuwe ${caller}`, 'Organisatie')
    case 'deelnemerOtherSession':
    case 'deelnemerOtherGroep':
      return join(f.server, w.otherInvites[caller], `Nieuwe ${caller}`, 'Organisatie')
    default:
      return w.creds[caller]
  }
}

// Routes are read from a server started at collection time: it.each needs them before beforeAll.
const probe = await startTestServer()
const ROUTES = routesOf(probe.httpServer.listeners('request')[0] as Express)
  // Last: logout ends the cookie sessions it is called with.
  .sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'))
await probe.close()

const SESSION_SCOPED_ACTIONS = new Set<string>([
  'session:read',
  'session:update',
  'board:read',
  'board:write',
  'sticky:create',
  'verslag:read',
  'verslag:export',
  'verslag:vaststellen',
  'regelruimte:update',
  'facilitation:update',
  'invite:create',
  'invite:list',
  'invite:revoke',
  'invite:changeRole',
  'participants:read',
  'conclusie:earlier',
  'conclusie:takeOver',
  'session:delete',
])

interface Cell {
  route: string
  caller: Caller
  expected: Expected
  /** Whether an allowed request must answer 2xx (a prepared request) or only get past authorization. */
  exact: boolean
}

function cellsOf(route: Route): Cell[] {
  const key = `${route.method} ${route.path}`
  // Reported by the first test: a route without an action, an action without its SPEC row.
  if (route.actions.length === 0 || route.actions.some((a) => !(a in SPEC_ROWS))) return []
  return CALLERS.map((caller) => {
    const outcomes = new Set(route.actions.map((action) => expectedFor(action, caller, SESSION_SCOPED_ACTIONS.has(action))))
    if (outcomes.size !== 1) throw new Error(`${key}: its actions disagree for ${caller}`)
    const [expected] = [...outcomes] as [Expected]
    // A GET whose parameters are all known must answer 2xx when allowed; one with a placeholder only get past authorization.
    const known = route.path.match(/:([A-Za-z]+)/g)?.every((p) => KNOWN_PARAMS.has(p.slice(1))) ?? true
    return { route: key, caller, expected, exact: key in REQUESTS || (route.method === 'GET' && known) }
  })
}

describe('authorization matrix (SPEC Permissions), generated from the running app', () => {
  let w: World

  beforeAll(async () => {
    const server = await startTestServer({ loginAttempts: 10_000 })
    const f = await accessFixture(server)
    const coordinator = f.creds.coordinator
    const a2 = await server.api<SessionSummary>('POST', '/api/sessions', { title: 'Brownpapersessie A2', themagroep: GROEP_A }, coordinator.unsafeHeaders)
    if (a2.status !== 201) throw new Error(`create A2: ${a2.status}`)
    const inviteA2 = await createInvite(server, a2.body.id, 'deelnemer', coordinator)
    const inviteB = await createInvite(server, f.otherSession.id, 'deelnemer', f.creds.otherCoordinator)
    const tokenInvite = await createInvite(server, f.session.id, 'deelnemer', coordinator)
    const creds: Record<Caller, Credential> = {
      ...f.creds,
      deelnemerOtherSession: await join(server, inviteA2.token, 'Olga Anderesessie', 'GGD'),
      deelnemerOtherGroep: await join(server, inviteB.token, 'Gert Anderegroep', 'Wijkteam'),
      deelnemerToken: bearer(tokenInvite.token),
    }
    const world = { f }
    await asAdmin(world, 'PUT', `/api/sessions/${f.session.id}/picture`, SVG, 'image/svg+xml')
    const sticky = await asAdmin<{ id: string }>(world, 'POST', `/api/sessions/${f.session.id}/stickies`, JSON.stringify({ text: 'Ruimte in de Wlz', tag: 'regelruimte' }), 'application/json')
    // An afspraak with a date, so that afspraken.ics has something to serve.
    const afspraak = await asAdmin<{ id: string }>(world, 'POST', `/api/sessions/${f.session.id}/stickies`, JSON.stringify({ text: 'Vervolgoverleg', tag: 'afspraak' }), 'application/json')
    await server.rooms.withRoom(f.session.id, (room) =>
      room.transact((doc) => {
        const record = recordsOf(doc).get(afspraak.id) as StoredRecord
        recordsOf(doc).set(afspraak.id, { ...record, meta: { ...(record.meta as object), wanneer: '2026-07-01' } })
      }),
    )
    const version = await asAdmin<{ versie: number }>(world, 'POST', `/api/sessions/${f.session.id}/vaststellen`)
    w = { f, creds, sessionA2: a2.body, versie: version.versie, stickyId: sticky.id, otherInvites: { deelnemerOtherSession: inviteA2.token, deelnemerOtherGroep: inviteB.token } }
  })
  afterAll(async () => {
    await w?.f.server.close()
  })

  it('[P2][S12] every route of the app checks a policy action, each route once, and every action has its SPEC row', () => {
    expect(ROUTES.length).toBeGreaterThan(30)
    const keys = ROUTES.map((r) => `${r.method} ${r.path}`)
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([])
    expect(ROUTES.filter((r) => r.actions.length === 0).map((r) => `${r.method} ${r.path}`)).toEqual([])
    expect(ACTIONS.filter((a) => !(a in SPEC_ROWS) || !(a in RULE))).toEqual([])
  })

  describe.each(ROUTES.map((r) => ({ ...r, name: `${r.method} ${r.path} (${r.actions.join(', ')})` })))('$name', (route) => {
    const rules = [...new Set(['P2', ...route.actions.map((a) => RULE[a] ?? '?')])].map((r) => `[${r}]`).join('')
    it.each(cellsOf(route))(`${rules} $caller → $expected`, async (cell) => {
      const status = await send(w, w.creds[cell.caller], await buildRequest(route, w))
      const what = `${cell.route} as ${cell.caller}`
      if (cell.expected !== 'allow') {
        expect(status, what).toBe(cell.expected)
      } else if (cell.exact) {
        expect(status, what).toBeGreaterThanOrEqual(200)
        expect(status, what).toBeLessThan(300)
      } else {
        // A generic request: it must get past authorization (its body may still be refused).
        expect([401, 403], what).not.toContain(status)
        expect(status, what).toBeLessThan(500)
      }
    })
  })

  describe('WS /yjs/:id (open the board)', () => {
    it.each(CALLERS.map((caller) => ({ caller, expected: expectedFor('board:read', caller, true) })))(
      '[P5][P2][P4] $caller → $expected',
      async ({ caller, expected }) => {
        const outcome = await openBoard(w, await fresh(w, caller))
        expect(outcome).toBe(expected === 'allow' ? 'allow' : expected === 401 ? CloseCode.Unauthorized : CloseCode.Forbidden)
      },
    )
  })

  describe('GET /api/sessions lists only what the caller sees', () => {
    it.each(CALLERS.filter((c) => c !== 'anonymous'))('[P4] %s', async (caller) => {
      const all = await asAdmin<SessionSummary[]>(w, 'GET', '/api/sessions')
      const ownSession: Partial<Record<Caller, string>> = {
        deelnemer: w.f.session.id,
        waarnemer: w.f.session.id,
        secretariaat: w.f.session.id,
        deelnemerToken: w.f.session.id,
        deelnemerOtherSession: w.sessionA2.id,
        deelnemerOtherGroep: w.f.otherSession.id,
      }
      const groups: Partial<Record<Caller, string[]>> = {
        coordinator: [GROEP_A],
        secretariaatAccount: [GROEP_A],
        otherCoordinator: [GROEP_B],
      }
      const sees = (s: SessionSummary) =>
        caller === 'admin' ? true : ownSession[caller] !== undefined ? s.id === ownSession[caller] : (groups[caller] ?? []).includes(s.themagroep)
      const res = await w.f.server.api<SessionSummary[]>('GET', '/api/sessions', undefined, (await fresh(w, caller)).headers)
      expect(res.status).toBe(200)
      expect(res.body.map((s) => s.id).sort()).toEqual(all.filter(sees).map((s) => s.id).sort())
      expect(res.body.length).toBeGreaterThan(0)
    })
  })
})
