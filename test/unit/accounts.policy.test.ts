/** Pure parts of accounts in the app: the policy rows (U1, U4–U6, U9) and the pages' routes (U11). */
import { describe, expect, it } from 'vitest'
import { can } from '../../server/access/policy'
import type { Actor } from '../../server/access/Actor'
import { matchRoute } from '../../client/router/matchRoute'

const coordinator: Actor = { kind: 'user', id: 'c', email: 'c@a.nl', name: 'C', role: 'coordinator', themagroepen: ['Groep A'] }
const secretariaat: Actor = { kind: 'user', id: 's', email: 's@a.nl', name: 'S', role: 'secretariaat', themagroepen: ['Groep A'] }
const participant: Actor = { kind: 'participant', id: 'p', name: 'P', organisation: 'GGD', role: 'secretariaat', sessionId: 'x', inviteId: 'i' }

describe('accounts policy (SPEC U1–U9)', () => {
  it('[U1] a coördinator invites into their own themagroepen only, compared as P26 does; others may not invite', () => {
    expect(can(coordinator, 'account:invite', { accountThemagroepen: [' groep  a '] }).allow).toBe(true)
    expect(can(coordinator, 'account:invite', { accountThemagroepen: ['Groep A', 'Groep B'] }).allow).toBe(false)
    expect(can(secretariaat, 'account:invite', { accountThemagroepen: ['Groep A'] }).allow).toBe(false)
    expect(can(participant, 'account:invite', { accountThemagroepen: ['Groep A'] }).allow).toBe(false)
  })

  it('[U6] a coördinator manages accounts that share one of their themagroepen, not others nor accounts without one', () => {
    expect(can(coordinator, 'account:manage', { accountThemagroepen: ['Groep B', 'GROEP A'] }).allow).toBe(true)
    expect(can(coordinator, 'account:manage', { accountThemagroepen: ['Groep B'] }).allow).toBe(false)
    expect(can(coordinator, 'account:manage', {}).allow).toBe(false)
    expect(can(secretariaat, 'account:manage', { accountThemagroepen: ['Groep A'] }).allow).toBe(false)
  })

  it('[U4][U5][U9] listing is for coördinatoren, removal for a coördinator of that themagroep, a password for every account', () => {
    expect(can(coordinator, 'account:list').allow).toBe(true)
    expect(can(secretariaat, 'account:list').allow).toBe(false)
    expect(can(coordinator, 'themagroep:removeMember', { themagroep: 'groep a' }).allow).toBe(true)
    expect(can(coordinator, 'themagroep:removeMember', { themagroep: 'Groep B' }).allow).toBe(false)
    expect(can(secretariaat, 'account:password').allow).toBe(true)
    expect(can(participant, 'account:password').allow).toBe(false)
  })

  it('[U11] the pages have their routes; a link page without a token is not found', () => {
    expect(matchRoute('/accounts')).toEqual({ name: 'accounts' })
    expect(matchRoute('/account/wachtwoord')).toEqual({ name: 'password' })
    expect(matchRoute('/account/nieuw', '?token=abcdefghijklmnopqrstuvwxyz')).toEqual({ name: 'accountLink', token: 'abcdefghijklmnopqrstuvwxyz' })
    expect(matchRoute('/account/nieuw', '')).toEqual({ name: 'notFound' })
  })
})
