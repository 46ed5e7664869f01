/**
 * A test server populated with every kind of caller of SPEC "Permissions":
 * two themagroepen with a coördinator each, a secretariaat account, one
 * session per themagroep, and participants who joined session A from an
 * invite per role. Credentials are real: cookies from login and join (with
 * their CSRF token), the admin bearer token, or nothing.
 */
import { CSRF_HEADER, type InviteRole } from '../../shared/access'
import type { SessionSummary } from '../../shared/api'
import { TEST_ADMIN_TOKEN } from './adminToken'
import type { TestServer } from './startTestServer'

export const WHO = [
  'anonymous',
  'deelnemer',
  'waarnemer',
  'secretariaat',
  'secretariaatAccount',
  'coordinator',
  'otherCoordinator',
  'admin',
] as const
export type Who = (typeof WHO)[number]

export interface Credential {
  /** Headers for a safe request (GET). */
  headers: Record<string, string>
  /** Headers for a state-changing request: adds the CSRF token to a cookie session (P14). */
  unsafeHeaders: Record<string, string>
  /** The session cookie, for websocket upgrades; null for bearer or nothing. */
  cookie: string | null
  /** `?token=` for websocket upgrades (admin). */
  token: string | null
}

export const GROEP_A = 'Bekostiging SO buiten het verpleeghuis'
export const GROEP_B = 'Wijkgerichte zorg'
export const PASSWORD = 'correct horse battery staple'

export interface AccessFixture {
  server: TestServer
  /** The session everybody is about: in GROEP_A. */
  session: SessionSummary
  /** A session of GROEP_B. */
  otherSession: SessionSummary
  creds: Record<Who, Credential>
  invites: Record<InviteRole, { id: string; token: string; url: string }>
  emails: { coordinator: string; otherCoordinator: string; secretariaatAccount: string }
}

/** `name=value` pairs of the Set-Cookie headers of a response. */
export function cookiesOf(res: Response): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';')
    const eq = pair!.indexOf('=')
    cookies[pair!.slice(0, eq)] = decodeURIComponent(pair!.slice(eq + 1))
  }
  return cookies
}

function cookieCredential(res: Response): Credential {
  const cookies = cookiesOf(res)
  const session = cookies.bp_session
  const csrf = cookies.bp_csrf
  if (!session || !csrf) throw new Error(`no session cookies in ${res.headers.getSetCookie().join(' | ')}`)
  const cookie = `bp_session=${session}; bp_csrf=${csrf}`
  return { headers: { cookie, authorization: '' }, unsafeHeaders: { cookie, authorization: '', [CSRF_HEADER]: csrf }, cookie, token: null }
}

export async function login(server: TestServer, email: string, password = PASSWORD): Promise<Credential> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`)
  return cookieCredential(res)
}

export async function join(server: TestServer, token: string, name: string, organisation: string): Promise<Credential> {
  const res = await fetch(`${server.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, name, organisation }),
  })
  if (res.status !== 201) throw new Error(`join: ${res.status} ${await res.text()}`)
  return cookieCredential(res)
}

export const ANONYMOUS_CREDENTIAL: Credential = { headers: { authorization: '' }, unsafeHeaders: { authorization: '' }, cookie: null, token: null }
export const ADMIN_CREDENTIAL: Credential = {
  headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
  unsafeHeaders: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
  cookie: null,
  token: TEST_ADMIN_TOKEN,
}

export async function createInvite(server: TestServer, sessionId: string, role: InviteRole, as: Credential = ADMIN_CREDENTIAL) {
  const res = await server.api<{ id: string; token: string; url: string }>('POST', `/api/sessions/${sessionId}/invites`, { role }, as.unsafeHeaders)
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

export async function accessFixture(server: TestServer): Promise<AccessFixture> {
  const emails = {
    coordinator: 'coordinator@groep-a.nl',
    otherCoordinator: 'coordinator@groep-b.nl',
    secretariaatAccount: 'secretariaat@programma.nl',
  }
  await server.access.addUser({ email: emails.coordinator, name: 'Anna Coördinator', role: 'coordinator', password: PASSWORD })
  await server.access.addUser({ email: emails.otherCoordinator, name: 'Bert Coördinator', role: 'coordinator', password: PASSWORD })
  const coordinator = await login(server, emails.coordinator)
  const otherCoordinator = await login(server, emails.otherCoordinator)

  // Each coördinator creates a session in a new themagroep and so becomes its first member (P9).
  const created = await server.api<SessionSummary>('POST', '/api/sessions', { title: 'Brownpapersessie A', themagroep: GROEP_A }, coordinator.unsafeHeaders)
  if (created.status !== 201) throw new Error(`create A: ${created.status} ${JSON.stringify(created.body)}`)
  const other = await server.api<SessionSummary>('POST', '/api/sessions', { title: 'Brownpapersessie B', themagroep: GROEP_B }, otherCoordinator.unsafeHeaders)
  if (other.status !== 201) throw new Error(`create B: ${other.status} ${JSON.stringify(other.body)}`)

  await server.access.addUser({ email: emails.secretariaatAccount, name: 'Sanne Secretariaat', role: 'secretariaat', password: PASSWORD, themagroepen: [GROEP_A] })
  const secretariaatAccount = await login(server, emails.secretariaatAccount)

  const invites = {
    deelnemer: await createInvite(server, created.body.id, 'deelnemer', coordinator),
    waarnemer: await createInvite(server, created.body.id, 'waarnemer', coordinator),
    secretariaat: await createInvite(server, created.body.id, 'secretariaat', coordinator),
  }
  const creds: Record<Who, Credential> = {
    anonymous: ANONYMOUS_CREDENTIAL,
    deelnemer: await join(server, invites.deelnemer.token, 'Dirk Deelnemer', 'Zorggroep Noord'),
    waarnemer: await join(server, invites.waarnemer.token, 'Wil Waarnemer', 'Ministerie van VWS'),
    secretariaat: await join(server, invites.secretariaat.token, 'Sien Secretaris', 'Programmabureau'),
    secretariaatAccount,
    coordinator,
    otherCoordinator,
    admin: ADMIN_CREDENTIAL,
  }
  return { server, session: created.body, otherSession: other.body, creds, invites, emails }
}
