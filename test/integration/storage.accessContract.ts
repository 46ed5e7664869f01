/**
 * The access part of the storage contract (users, logins, themagroepen,
 * invites, audit), run by storageContract for every implementation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InviteRecord, LoginRecord, UserRecord } from '../../server/access/AccessStores'
import type { Storage } from '../helpers/storesOf'
import type { StorageFactory } from './storage.contract'

const user = (id: string, email: string): UserRecord => ({
  id,
  email,
  name: `Naam ${id}`,
  role: 'coordinator',
  passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
  createdAt: '2026-01-01T10:00:00.000Z',
})

const invite = (id: string, createdAt: string, patch: Partial<InviteRecord> = {}): InviteRecord => ({
  id,
  tokenHash: `hash-${id}`,
  sessionId: 'session-one',
  role: 'deelnemer',
  createdBy: 'user:u1',
  createdAt,
  expiresAt: '2026-02-01T10:00:00.000Z',
  revokedAt: null,
  ...patch,
})

export function accessStorageContract(name: string, factory: StorageFactory): void {
  describe(`storage contract, access stores: ${name}`, () => {
    let storage: Storage

    beforeEach(async () => {
      storage = await factory.create()
    })
    afterEach(async () => {
      await storage.close()
    })

    it('[P13] stores users once per email and finds them by id and email', async () => {
      expect(await storage.users.count()).toBe(0)
      expect(await storage.users.create(user('u1', 'anna@groep-a.nl'))).toBe(true)
      expect(await storage.users.create(user('u2', 'anna@groep-a.nl'))).toBe(false)
      expect(await storage.users.get('u1')).toEqual(user('u1', 'anna@groep-a.nl'))
      expect(await storage.users.getByEmail('anna@groep-a.nl')).toEqual(user('u1', 'anna@groep-a.nl'))
      expect(await storage.users.getByEmail('nobody@x.nl')).toBeNull()
      expect(await storage.users.count()).toBe(1)
    })

    it('[P13] keeps logins of accounts and participants by token hash, deletes them and drops expired ones', async () => {
      const account: LoginRecord = { tokenHash: 'h1', userId: 'u1', participant: null, createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-08T00:00:00.000Z' }
      const participant: LoginRecord = {
        tokenHash: 'h2',
        userId: null,
        participant: { id: 'p1', name: 'Dirk', organisation: 'Zorggroep', role: 'waarnemer', sessionId: 'session-one', inviteId: 'i1' },
        createdAt: '2026-01-01T00:00:00.000Z',
        expiresAt: '2026-01-02T00:00:00.000Z',
      }
      await storage.logins.create(account)
      await storage.logins.create(participant)
      expect(await storage.logins.get('h1')).toEqual(account)
      expect(await storage.logins.get('h2')).toEqual(participant)
      expect(await storage.logins.deleteExpired('2026-01-03T00:00:00.000Z')).toBe(1)
      expect(await storage.logins.get('h2')).toBeNull()
      await storage.logins.delete('h1')
      expect(await storage.logins.get('h1')).toBeNull()
    })

    it('[P9] creates a themagroep once and keeps its members', async () => {
      expect(await storage.themagroepen.ensure('Groep A', '2026-01-01T00:00:00.000Z')).toBe(true)
      expect(await storage.themagroepen.ensure('Groep A', '2026-01-02T00:00:00.000Z')).toBe(false)
      await storage.themagroepen.ensure('Groep B', '2026-01-01T00:00:00.000Z')
      expect(await storage.themagroepen.exists('Groep A')).toBe(true)
      expect(await storage.themagroepen.exists('Groep C')).toBe(false)
      await storage.themagroepen.addMember('Groep A', 'u1')
      await storage.themagroepen.addMember('Groep A', 'u1')
      await storage.themagroepen.addMember('Groep B', 'u1')
      await storage.themagroepen.addMember('Groep A', 'u2')
      await expect(storage.themagroepen.addMember('Groep C', 'u1')).rejects.toThrow()
      expect(await storage.themagroepen.list()).toEqual(['Groep A', 'Groep B'])
      expect(await storage.themagroepen.members('Groep A')).toEqual(['u1', 'u2'])
      expect(await storage.themagroepen.groupsOf('u1')).toEqual(['Groep A', 'Groep B'])
      expect(await storage.themagroepen.groupsOf('u3')).toEqual([])
    })

    it('[P26] finds a themagroep by its name normalised (NFKC, spaces, case) and keeps the first spelling', async () => {
      expect(await storage.themagroepen.ensure('  Groep  B ', '2026-01-01T00:00:00.000Z')).toBe(true)
      for (const variant of ['groep b', 'Groep\u00a0B', 'GROEP\tB', 'Ｇｒｏｅｐ Ｂ', 'Groep\u200b B']) {
        expect(await storage.themagroepen.ensure(variant, '2026-01-02T00:00:00.000Z'), variant).toBe(false)
        expect(await storage.themagroepen.exists(variant), variant).toBe(true)
        expect(await storage.themagroepen.canonical(variant), variant).toBe('Groep B')
      }
      expect(await storage.themagroepen.canonical('Groep C')).toBeNull()
      await storage.themagroepen.addMember('groep b', 'u1')
      await storage.themagroepen.addMember('GROEP\u00a0B', 'u2')
      expect(await storage.themagroepen.list()).toEqual(['Groep B'])
      expect(await storage.themagroepen.members('groep  b')).toEqual(['u1', 'u2'])
      expect(await storage.themagroepen.groupsOf('u2')).toEqual(['Groep B'])
      expect(await storage.themagroepen.mergeDuplicates()).toEqual([])
    })

    it('[P10] keeps invites by id and token hash, lists them newest first, and the first revocation wins', async () => {
      await storage.invites.create(invite('i1', '2026-01-01T10:00:00.000Z'))
      await storage.invites.create(invite('i2', '2026-01-01T11:00:00.000Z', { role: 'waarnemer' }))
      await storage.invites.create(invite('i3', '2026-01-01T12:00:00.000Z', { sessionId: 'session-two' }))
      expect(await storage.invites.get('i2')).toEqual(invite('i2', '2026-01-01T11:00:00.000Z', { role: 'waarnemer' }))
      expect(await storage.invites.getByTokenHash('hash-i1')).toEqual(invite('i1', '2026-01-01T10:00:00.000Z'))
      expect(await storage.invites.getByTokenHash('hash-nope')).toBeNull()
      expect((await storage.invites.listForSession('session-one')).map((i) => i.id)).toEqual(['i2', 'i1'])
      expect(await storage.invites.revoke('i1', '2026-01-01T13:00:00.000Z')).toBe(true)
      expect(await storage.invites.revoke('i1', '2026-01-01T14:00:00.000Z')).toBe(true)
      expect(await storage.invites.revoke('nope', '2026-01-01T14:00:00.000Z')).toBe(false)
      expect((await storage.invites.get('i1'))?.revokedAt).toBe('2026-01-01T13:00:00.000Z')
    })

    it('[P11] appends audit entries with increasing ids and filters them by themagroep or actor, newest first', async () => {
      const at = (n: number) => `2026-01-01T10:0${n}:00.000Z`
      const entry = (n: number, themagroep: string | null, actor: string) => ({
        at: at(n),
        actor,
        actorName: actor,
        action: `action-${n}`,
        sessionId: null,
        themagroep,
        detail: '',
      })
      const ids = [
        await storage.audit.append(entry(1, 'Groep A', 'user:u1')),
        await storage.audit.append(entry(2, 'Groep B', 'user:u2')),
        await storage.audit.append(entry(3, null, 'user:u1')),
        await storage.audit.append(entry(4, null, 'user:u2')),
      ]
      expect(ids[0]).toBeLessThan(ids[1]!)
      expect(ids[2]).toBeLessThan(ids[3]!)
      expect((await storage.audit.list()).map((e) => e.action)).toEqual(['action-4', 'action-3', 'action-2', 'action-1'])
      expect((await storage.audit.list({ limit: 2 })).map((e) => e.action)).toEqual(['action-4', 'action-3'])
      expect((await storage.audit.list({ themagroepen: ['Groep A'], actor: 'user:u1' })).map((e) => e.action)).toEqual(['action-3', 'action-1'])
      expect((await storage.audit.list({ themagroepen: [], actor: 'user:u2' })).map((e) => e.action)).toEqual(['action-4', 'action-2'])
      expect(await storage.audit.list({ themagroepen: ['Groep B'], actor: 'user:u2' })).toEqual([
        { ...entry(4, null, 'user:u2'), id: ids[3] },
        { ...entry(2, 'Groep B', 'user:u2'), id: ids[1] },
      ])
    })

    if (factory.reopen) {
      const reopen = factory.reopen
      it('[P13] keeps users, logins, themagroepen, invites and the audit log after reopening', async () => {
        await storage.users.create(user('u1', 'anna@groep-a.nl'))
        await storage.logins.create({ tokenHash: 'h1', userId: 'u1', participant: null, createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-08T00:00:00.000Z' })
        await storage.themagroepen.ensure('Groep A', '2026-01-01T00:00:00.000Z')
        await storage.themagroepen.addMember('Groep A', 'u1')
        await storage.invites.create(invite('i1', '2026-01-01T10:00:00.000Z'))
        await storage.audit.append({ at: '2026-01-01T00:00:00.000Z', actor: 'user:u1', actorName: 'Anna', action: 'login', sessionId: null, themagroep: null, detail: '' })
        storage = await reopen(storage)
        expect(await storage.users.getByEmail('anna@groep-a.nl')).toEqual(user('u1', 'anna@groep-a.nl'))
        expect(await storage.logins.get('h1')).not.toBeNull()
        expect(await storage.themagroepen.groupsOf('u1')).toEqual(['Groep A'])
        expect(await storage.invites.get('i1')).toEqual(invite('i1', '2026-01-01T10:00:00.000Z'))
        expect((await storage.audit.list()).map((e) => e.action)).toEqual(['login'])
      })
    }

    it('[U6][U9] lists users by email, sets a password hash, and deactivates and reactivates an account', async () => {
      await storage.users.create(user('u2', 'bert@groep-a.nl'))
      await storage.users.create(user('u1', 'anna@groep-a.nl'))
      expect((await storage.users.list()).map((u) => u.email)).toEqual(['anna@groep-a.nl', 'bert@groep-a.nl'])
      await storage.users.setPasswordHash('u1', 'scrypt$nieuw')
      expect((await storage.users.get('u1'))?.passwordHash).toBe('scrypt$nieuw')
      expect(await storage.users.deactivatedAt('u1')).toBeNull()
      expect(await storage.users.setDeactivated('u1', '2026-03-01T10:00:00.000Z')).toBe(true)
      expect(await storage.users.setDeactivated('u1', '2026-03-02T10:00:00.000Z')).toBe(true)
      expect(await storage.users.deactivatedAt('u1')).toBe('2026-03-01T10:00:00.000Z')
      expect(await storage.users.deactivatedAt('u2')).toBeNull()
      expect(await storage.users.setDeactivated('u1', null)).toBe(true)
      expect(await storage.users.deactivatedAt('u1')).toBeNull()
      expect(await storage.users.setDeactivated('onbekend', '2026-03-01T10:00:00.000Z')).toBe(false)
    })

    it('[U5][U7][U12] ends an account’s logins but one, keeps a participant’s login with its identity, and removes a member', async () => {
      const base = { createdAt: '2026-01-01T10:00:00.000Z', expiresAt: '2026-02-01T10:00:00.000Z' }
      await storage.logins.create({ tokenHash: 'a1', userId: 'u1', participant: null, ...base })
      await storage.logins.create({ tokenHash: 'a2', userId: 'u1', participant: null, ...base })
      await storage.logins.create({ tokenHash: 'b1', userId: 'u2', participant: null, ...base })
      const karin = { id: 'p1', name: 'Karin', organisation: 'GGD', role: 'deelnemer' as const, sessionId: 'session-one', inviteId: 'i1' }
      await storage.logins.create({ tokenHash: 'p1', userId: null, participant: karin, ...base })
      await storage.logins.create({ tokenHash: 'p2', userId: null, participant: { ...karin, id: 'p2', sessionId: 'session-two' }, ...base })
      expect(await storage.logins.deleteForUser('u1', 'a2')).toBe(1)
      expect(await storage.logins.get('a1')).toBeNull()
      expect(await storage.logins.get('a2')).not.toBeNull()
      expect(await storage.logins.deleteForUser('u1')).toBe(1)
      expect(await storage.logins.get('b1')).not.toBeNull()
      expect((await storage.logins.get('p1'))?.participant).toEqual(karin)
      expect((await storage.logins.get('p2'))?.participant?.sessionId).toBe('session-two')

      await storage.themagroepen.ensure('Groep A', base.createdAt)
      await storage.themagroepen.addMember('Groep A', 'u1')
      expect(await storage.themagroepen.removeMember('groep  a', 'u1')).toBe(true)
      expect(await storage.themagroepen.removeMember('Groep A', 'u1')).toBe(false)
      expect(await storage.themagroepen.removeMember('Onbekend', 'u1')).toBe(false)
      expect(await storage.themagroepen.members('Groep A')).toEqual([])
    })
  })
}
