/** In-memory access stores, for tests and `DATA_DIR=:memory:`-style runs. */
import { normalizeThemagroepName, themagroepKey } from '../../shared/themagroepName'
import type { AuditEntry, InviteRole } from '../../shared/access'
import type {
  AccessStores,
  AuditQuery,
  AuditStore,
  InviteRecord,
  InviteStore,
  LoginRecord,
  LoginStore,
  NewAuditEntry,
  ThemagroepStore,
  UserRecord,
  UserStore,
} from './AccessStores'

const copy = <T>(value: T): T => structuredClone(value)

class MemoryUserStore implements UserStore {
  private readonly byId = new Map<string, UserRecord>()
  async create(user: UserRecord): Promise<boolean> {
    if ([...this.byId.values()].some((u) => u.email === user.email) || this.byId.has(user.id)) return false
    this.byId.set(user.id, copy(user))
    return true
  }
  async get(id: string): Promise<UserRecord | null> {
    const user = this.byId.get(id)
    return user ? copy(user) : null
  }
  async getByEmail(email: string): Promise<UserRecord | null> {
    const user = [...this.byId.values()].find((u) => u.email === email)
    return user ? copy(user) : null
  }
  async count(): Promise<number> {
    return this.byId.size
  }
  private readonly deactivations = new Map<string, string>()
  async list(): Promise<UserRecord[]> {
    return [...this.byId.values()].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0)).map(copy)
  }
  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    const user = this.byId.get(id)
    if (user) user.passwordHash = passwordHash
  }
  async setDeactivated(id: string, at: string | null): Promise<boolean> {
    if (!this.byId.has(id)) return false
    if (at === null) this.deactivations.delete(id)
    else if (!this.deactivations.has(id)) this.deactivations.set(id, at)
    return true
  }
  async deactivatedAt(id: string): Promise<string | null> {
    return this.deactivations.get(id) ?? null
  }
}

class MemoryLoginStore implements LoginStore {
  private readonly byHash = new Map<string, LoginRecord>()
  async create(login: LoginRecord): Promise<void> {
    this.byHash.set(login.tokenHash, copy(login))
  }
  async get(tokenHash: string): Promise<LoginRecord | null> {
    const login = this.byHash.get(tokenHash)
    return login ? copy(login) : null
  }
  async delete(tokenHash: string): Promise<void> {
    this.byHash.delete(tokenHash)
  }
  async deleteExpired(now: string): Promise<number> {
    let n = 0
    for (const [hash, login] of this.byHash) {
      if (login.expiresAt < now) {
        this.byHash.delete(hash)
        n++
      }
    }
    return n
  }
  async deleteForUser(userId: string, keepTokenHash?: string): Promise<number> {
    let n = 0
    for (const [hash, login] of this.byHash) {
      if (login.userId === userId && hash !== keepTokenHash) {
        this.byHash.delete(hash)
        n++
      }
    }
    return n
  }
}

class MemoryThemagroepStore implements ThemagroepStore {
  /** Stored spelling → members, in creation order. */
  private readonly groups = new Map<string, Set<string>>()
  private find(name: string): string | null {
    const key = themagroepKey(name)
    for (const stored of this.groups.keys()) if (themagroepKey(stored) === key) return stored
    return null
  }
  async ensure(name: string): Promise<boolean> {
    if (this.find(name) !== null) return false
    this.groups.set(normalizeThemagroepName(name), new Set())
    return true
  }
  async exists(name: string): Promise<boolean> {
    return this.find(name) !== null
  }
  async canonical(name: string): Promise<string | null> {
    return this.find(name)
  }
  async list(): Promise<string[]> {
    return [...this.groups.keys()].sort()
  }
  async addMember(name: string, userId: string): Promise<void> {
    const stored = this.find(name)
    if (stored === null) throw new Error(`unknown themagroep ${name}`)
    this.groups.get(stored)?.add(userId)
  }
  async members(name: string): Promise<string[]> {
    const stored = this.find(name)
    return stored === null ? [] : [...(this.groups.get(stored) ?? [])].sort()
  }
  async removeMember(name: string, userId: string): Promise<boolean> {
    const stored = this.find(name)
    return stored !== null && (this.groups.get(stored)?.delete(userId) ?? false)
  }
  async mergeDuplicates(): Promise<{ kept: string; merged: string[] }[]> {
    const byKey = new Map<string, string[]>()
    for (const name of this.groups.keys()) byKey.set(themagroepKey(name), [...(byKey.get(themagroepKey(name)) ?? []), name])
    const result: { kept: string; merged: string[] }[] = []
    for (const [kept, ...merged] of byKey.values()) {
      if (!kept || merged.length === 0) continue
      const members = this.groups.get(kept)!
      for (const name of merged) {
        for (const member of this.groups.get(name) ?? []) members.add(member)
        this.groups.delete(name)
      }
      result.push({ kept, merged })
    }
    return result
  }
  async groupsOf(userId: string): Promise<string[]> {
    return [...this.groups].filter(([, members]) => members.has(userId)).map(([name]) => name).sort()
  }
}

class MemoryInviteStore implements InviteStore {
  private readonly byId = new Map<string, InviteRecord>()
  async create(invite: InviteRecord): Promise<void> {
    this.byId.set(invite.id, copy(invite))
  }
  async get(id: string): Promise<InviteRecord | null> {
    const invite = this.byId.get(id)
    return invite ? copy(invite) : null
  }
  async getByTokenHash(tokenHash: string): Promise<InviteRecord | null> {
    const invite = [...this.byId.values()].find((i) => i.tokenHash === tokenHash)
    return invite ? copy(invite) : null
  }
  async listForSession(sessionId: string): Promise<InviteRecord[]> {
    return [...this.byId.values()]
      .filter((i) => i.sessionId === sessionId)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
      .map(copy)
  }
  async revoke(id: string, at: string): Promise<boolean> {
    const invite = this.byId.get(id)
    if (!invite) return false
    invite.revokedAt ??= at
    return true
  }
  async setRole(id: string, role: InviteRole): Promise<boolean> {
    const invite = this.byId.get(id)
    if (!invite || invite.revokedAt) return false
    invite.role = role
    return true
  }
}

class MemoryAuditStore implements AuditStore {
  private readonly entries: AuditEntry[] = []
  async append(entry: NewAuditEntry): Promise<number> {
    const id = this.entries.length + 1
    this.entries.push({ ...copy(entry), id })
    return id
  }
  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const { themagroepen, actor, limit = 200 } = query
    return this.entries
      .filter((e) => !themagroepen || (e.themagroep !== null && themagroepen.includes(e.themagroep)) || e.actor === actor)
      .reverse()
      .slice(0, limit)
      .map(copy)
  }
}

export function createMemoryAccessStores(): AccessStores {
  return {
    users: new MemoryUserStore(),
    logins: new MemoryLoginStore(),
    themagroepen: new MemoryThemagroepStore(),
    invites: new MemoryInviteStore(),
    audit: new MemoryAuditStore(),
  }
}
