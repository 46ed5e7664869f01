import { describe, expect, it } from 'vitest'
import { ADMIN, ANONYMOUS, type Actor } from '../../server/access/Actor'
import { hashPassword, verifyPassword } from '../../server/access/password'
import { ACTIONS, can, canSeeInRegister, canSeeSession, canSeeThemagroep, type Action } from '../../server/access/policy'
import { TokenBucket } from '../../server/core/TokenBucket'
import { csrfTokenFor, hashToken, newToken, safeEqual } from '../../server/access/tokens'

const session = { sessionId: 'sessie-aaaa', themagroep: 'Groep A' }
const coordinator: Actor = { kind: 'user', id: 'u1', email: 'a@x.nl', name: 'A', role: 'coordinator', themagroepen: ['Groep A'] }
const secretariaatAccount: Actor = { ...coordinator, id: 'u2', role: 'secretariaat' }
const outsider: Actor = { ...coordinator, id: 'u3', themagroepen: ['Groep B'] }
const participant = (role: 'deelnemer' | 'waarnemer' | 'secretariaat', sessionId = session.sessionId): Actor => ({
  kind: 'participant',
  id: `p-${role}`,
  name: role,
  organisation: 'Org',
  role,
  sessionId,
  inviteId: 'i1',
})

describe('the policy (SPEC Permissions)', () => {
  it('[P1][P2] public actions are open to all; anything else needs an identity (401)', () => {
    // Public: P1, and the actielijst's calendar feed, which carries its own secret in the URL (A8).
    const PUBLIC = ['health:read', 'config:read', 'auth:public', 'actielijst:feed']
    for (const action of ACTIONS.filter((a) => PUBLIC.includes(a))) expect(can(ANONYMOUS, action).allow).toBe(true)
    for (const action of ACTIONS.filter((a) => !PUBLIC.includes(a))) {
      expect(can(ANONYMOUS, action, session)).toMatchObject({ allow: false, status: 401 })
    }
  })

  it('[P3] the admin may do everything', () => {
    for (const action of ACTIONS) expect(can(ADMIN, action, session).allow).toBe(true)
  })

  it('[P4] a participant sees only the session of its invite; an account only its themagroepen', () => {
    expect(can(participant('deelnemer'), 'session:read', session).allow).toBe(true)
    expect(can(participant('deelnemer', 'sessie-bbbb'), 'session:read', session)).toMatchObject({ allow: false, status: 403, rule: 'P4' })
    expect(can(outsider, 'board:read', session)).toMatchObject({ allow: false, status: 403, rule: 'P4' })
    expect(canSeeSession(outsider, { id: session.sessionId, themagroep: 'Groep A' })).toBe(false)
    expect(canSeeSession(secretariaatAccount, { id: session.sessionId, themagroep: 'Groep A' })).toBe(true)
  })

  it('[R11] an invited secretariaat reads the register of its session’s themagroep (name compared as P26); other invitees read none', () => {
    const sibling = { id: 'sessie-cccc', themagroep: 'Groep A' }
    const foreign = { id: 'sessie-dddd', themagroep: 'Groep B' }
    expect(can(participant('secretariaat'), 'regelruimte:read')).toMatchObject({ allow: true, rule: 'R11' })
    expect(canSeeInRegister(participant('secretariaat'), sibling, ' groep  a ')).toBe(true)
    expect(canSeeInRegister(participant('secretariaat'), foreign, 'Groep A')).toBe(false)
    // Its session gone from the index: no themagroep, no rows.
    expect(canSeeInRegister(participant('secretariaat'), sibling, null)).toBe(false)
    expect(canSeeInRegister(participant('deelnemer'), sibling, 'Groep A')).toBe(false)
    expect(can(participant('deelnemer'), 'regelruimte:read')).toMatchObject({ allow: false, status: 403 })
    expect(can(participant('waarnemer'), 'regelruimte:read')).toMatchObject({ allow: false, status: 403 })
    // Accounts as before (P4).
    expect(canSeeInRegister(secretariaatAccount, sibling, null)).toBe(true)
    expect(canSeeInRegister(outsider, sibling, null)).toBe(false)
  })

  it('[P6][P7] a waarnemer reads the board but does not write it; a deelnemer does', () => {
    expect(can(participant('waarnemer'), 'board:read', session).allow).toBe(true)
    expect(can(participant('waarnemer'), 'board:write', session)).toMatchObject({ allow: false, rule: 'P6' })
    expect(can(participant('waarnemer'), 'sticky:create', session)).toMatchObject({ allow: false, rule: 'P7' })
    expect(can(participant('deelnemer'), 'board:write', session).allow).toBe(true)
  })

  it('[P8] secretariaat and coördinator export and vaststellen; a deelnemer does not', () => {
    for (const action of ['verslag:export', 'verslag:vaststellen', 'session:update', 'regelruimte:update'] as const) {
      expect(can(participant('secretariaat'), action, session).allow).toBe(true)
      expect(can(secretariaatAccount, action, session).allow).toBe(true)
      expect(can(coordinator, action, session).allow).toBe(true)
      expect(can(participant('deelnemer'), action, session).allow).toBe(false)
    }
  })

  it('[P9] a coördinator creates sessions in its own or a new themagroep only', () => {
    expect(can(coordinator, 'session:create', { themagroep: 'Groep A', themagroepExists: true }).allow).toBe(true)
    expect(can(coordinator, 'session:create', { themagroep: 'Nieuw', themagroepExists: false }).allow).toBe(true)
    expect(can(coordinator, 'session:create', { themagroep: 'Groep B', themagroepExists: true })).toMatchObject({ allow: false, status: 403 })
    expect(can(secretariaatAccount, 'session:create', { themagroep: 'Groep A', themagroepExists: true }).allow).toBe(false)
  })

  it('[P4][P26] an account in several themagroepen sees the sessions of each of them, not of others', () => {
    const inTwo: Actor = { ...coordinator, id: 'u4', themagroepen: ['Groep B', 'Groep A'] }
    expect(canSeeThemagroep(inTwo, 'groep a')).toBe(true)
    expect(canSeeThemagroep(inTwo, 'Groep C')).toBe(false)
    expect(can(inTwo, 'session:read', session).allow).toBe(true)
    expect(can(inTwo, 'session:read', { ...session, themagroep: 'Groep C' }).allow).toBe(false)
  })

  it('[P10][P11] invites and the audit log are for coördinatoren', () => {
    expect(can(coordinator, 'invite:create', session).allow).toBe(true)
    expect(can(secretariaatAccount, 'invite:create', session).allow).toBe(false)
    expect(can(participant('secretariaat'), 'invite:list', session).allow).toBe(false)
    expect(can(coordinator, 'audit:read')).toEqual({ allow: true, rule: 'P11' })
    expect(can(secretariaatAccount, 'audit:read').allow).toBe(false)
  })
})

describe('the policy against the SPEC table, every action × every kind of actor', () => {
  type Cell = 'allow' | 401 | 403
  const KINDS = ['anonymous', 'deelnemer', 'waarnemer', 'secretariaat', 'secretariaatAccount', 'coordinator', 'outsider', 'admin', 'otherParticipant'] as const
  const actorOf: Record<(typeof KINDS)[number], Actor> = {
    anonymous: ANONYMOUS,
    deelnemer: participant('deelnemer'),
    waarnemer: participant('waarnemer'),
    secretariaat: participant('secretariaat'),
    secretariaatAccount,
    coordinator,
    outsider,
    admin: ADMIN,
    otherParticipant: participant('secretariaat', 'sessie-bbbb'),
  }
  const A = 'allow'
  //                                       anon deeln waarn secr  secrAcc coord outs  admin other
  const ROWS: Record<string, Cell[]> = {
    'health:read': [A, A, A, A, A, A, A, A, A],
    'session:list': [401, A, A, A, A, A, A, A, A],
    'session:read': [401, A, A, A, A, A, 403, A, 403],
    'board:read': [401, A, A, A, A, A, 403, A, 403],
    'board:write': [401, A, 403, A, A, A, 403, A, 403],
    'sticky:create': [401, A, 403, A, A, A, 403, A, 403],
    'verslag:export': [401, 403, 403, A, A, A, 403, A, 403],
    'session:update': [401, 403, 403, A, A, A, 403, A, 403],
    'invite:create': [401, 403, 403, 403, 403, A, 403, A, 403],
    'audit:read': [401, 403, 403, 403, 403, A, A, A, 403],
    'regelruimte:read': [401, 403, 403, A, A, A, A, A, A],
    'themagroep:list': [401, 403, 403, 403, A, A, A, A, 403],
    'themagroep:addMember': [401, 403, 403, 403, 403, A, 403, A, 403],
    'session:create': [401, 403, 403, 403, 403, A, 403, A, 403],
    'session:import': [401, 403, 403, 403, 403, A, 403, A, 403],
    'verslag:read': [401, 403, 403, A, A, A, 403, A, 403],
    'verslag:vaststellen': [401, 403, 403, A, A, A, 403, A, 403],
    'regelruimte:update': [401, 403, 403, A, A, A, 403, A, 403],
    'facilitation:update': [401, 403, 403, A, A, A, 403, A, 403],
    'history:read': [401, 403, 403, A, A, A, 403, A, 403],
    'history:restore': [401, 403, 403, A, A, A, 403, A, 403],
    'invite:list': [401, 403, 403, 403, 403, A, 403, A, 403],
    'invite:revoke': [401, 403, 403, 403, 403, A, 403, A, 403],
    'privacy:search': [401, 403, 403, 403, 403, A, A, A, 403],
    'privacy:erase': [401, 403, 403, 403, 403, A, A, A, 403],
    'privacy:export': [401, 403, 403, 403, 403, A, A, A, 403],
    'session:delete': [401, 403, 403, 403, 403, A, 403, A, 403],
    // Beyond the SPEC table: A1 (the actielijst: accounts of the themagroep), U4, U5, U9.
    'actielijst:read': [401, 403, 403, 403, A, A, 403, A, 403],
    'actielijst:update': [401, 403, 403, 403, A, A, 403, A, 403],
    'account:list': [401, 403, 403, 403, 403, A, A, A, 403],
    'themagroep:removeMember': [401, 403, 403, 403, 403, A, 403, A, 403],
    'account:password': [401, 403, 403, 403, A, A, A, A, 403],
  }
  const resourceOf = (action: string) =>
    ['themagroep:addMember', 'themagroep:removeMember', 'actielijst:read', 'actielijst:update'].includes(action)
      ? { themagroep: 'Groep A' }
      : ['session:create', 'session:import'].includes(action)
        ? { themagroep: 'Groep A', themagroepExists: true }
        : session

  it.each(Object.keys(ROWS))('[P1]–[P12] %s', (action) => {
    const outcome = (kind: (typeof KINDS)[number]): Cell => {
      const decision = can(actorOf[kind], action as Action, resourceOf(action))
      return decision.allow ? 'allow' : decision.status
    }
    expect(Object.fromEntries(KINDS.map((k) => [k, outcome(k)]))).toEqual(Object.fromEntries(KINDS.map((k, i) => [k, ROWS[action]![i]])))
  })

  it('[P4][P12] a session action without a known session, or a member to add without a themagroep, is refused', () => {
    expect(can(coordinator, 'session:read', {})).toMatchObject({ allow: false, status: 403 })
    expect(can(coordinator, 'session:read', { sessionId: session.sessionId })).toMatchObject({ allow: false, status: 403 })
    expect(can(coordinator, 'session:read', { themagroep: 'Groep A' })).toMatchObject({ allow: false, status: 403 })
    expect(can(coordinator, 'themagroep:addMember', {})).toMatchObject({ allow: false, status: 403 })
    expect(can(coordinator, 'themagroep:addMember', { themagroep: 'Groep B' })).toMatchObject({ allow: false, status: 403 })
    // An import before its text is read names no themagroep yet: checked again once known (I12).
    expect(can(coordinator, 'session:import', {}).allow).toBe(true)
    expect(can(secretariaatAccount, 'session:import', {}).allow).toBe(false)
  })

  it('[A1][U5][P9] a themagroep action without a themagroep is refused, also to its coördinator; an unknown action is refused to an account or a participant', () => {
    for (const action of ['actielijst:read', 'actielijst:update', 'themagroep:removeMember'] as const) {
      expect(can(coordinator, action, {})).toMatchObject({ allow: false, status: 403 })
      expect(can(secretariaatAccount, action, {})).toMatchObject({ allow: false, status: 403 })
    }
    // Naming no themagroep that exists (P9): only its members create sessions in it.
    expect(can(outsider, 'session:create', { themagroep: 'Groep A' })).toMatchObject({ allow: false, status: 403, rule: 'P9' })
    expect(can(outsider, 'session:import', { themagroep: 'Groep A', themagroepExists: true })).toMatchObject({ allow: false, status: 403, rule: 'P9' })
    expect(can(outsider, 'session:import', { themagroep: 'Nieuwe groep', themagroepExists: false })).toEqual({ allow: true, rule: 'P9' })
    const unknown = 'session:explode' as Action
    expect(can(coordinator, unknown, session)).toMatchObject({ allow: false, status: 403, rule: 'P2' })
    expect(can(participant('secretariaat'), unknown, session)).toMatchObject({ allow: false, status: 403 })
    expect(can(ANONYMOUS, unknown, session)).toMatchObject({ allow: false, status: 401 })
  })

  it('[P4] who sees a themagroep: the admin all, an account its own, a participant none', () => {
    expect(canSeeThemagroep(ADMIN, 'Groep Z')).toBe(true)
    expect(canSeeThemagroep(coordinator, 'Groep A')).toBe(true)
    expect(canSeeThemagroep(coordinator, 'Groep B')).toBe(false)
    expect(canSeeThemagroep(participant('secretariaat'), 'Groep A')).toBe(false)
    expect(canSeeThemagroep(ANONYMOUS, 'Groep A')).toBe(false)
  })
})

describe('secrets (SPEC P13, P19)', () => {
  it('[P13] scrypt hashes are salted and verify only the right password', async () => {
    const a = await hashPassword('een lang wachtwoord')
    const b = await hashPassword('een lang wachtwoord')
    expect(a).not.toBe(b)
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(await verifyPassword('een lang wachtwoord', a)).toBe(true)
    expect(await verifyPassword('een lang wachtwoorD', a)).toBe(false)
    expect(await verifyPassword('een lang wachtwoord', 'not-a-hash')).toBe(false)
  })

  it('[P10] tokens carry 256 random bits; their hash and CSRF token are deterministic and differ from them', () => {
    const tokens = new Set(Array.from({ length: 100 }, newToken))
    expect(tokens.size).toBe(100)
    const token = [...tokens][0]!
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    expect(hashToken(token)).toBe(hashToken(token))
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(csrfTokenFor(token)).not.toBe(token)
    expect(safeEqual(token, token)).toBe(true)
    expect(safeEqual(token, `${token}x`)).toBe(false)
  })
})

describe('the token bucket (SPEC P15)', () => {
  it('[P15] allows a burst of its capacity, then refills at its rate', () => {
    let now = 0
    const bucket = new TokenBucket(3, 2, () => now)
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false])
    now += 500
    expect([bucket.take(), bucket.take()]).toEqual([true, false])
    now += 10_000
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false])
  })
})
