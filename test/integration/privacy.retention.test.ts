/**
 * Retention (SPEC G8): audit entries older than AUDIT_RETENTION_DAYS and
 * expired logins are purged on a schedule while the server runs, not only
 * at start-up; newer entries and live logins stay. On SQLite and PostgreSQL.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { STORE_DEFINITIONS, type ServerOptions } from '../../server/app'
import { PgBackend } from '../../server/core/storage/PgBackend'
import { createTestDatabase, type TestDatabase } from '../helpers/pgDatabase'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { waitFor } from '../helpers/waitFor'

let server: TestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const DAY = 24 * 60 * 60 * 1000

let pgDatabase: TestDatabase | null = null
afterAll(async () => {
  await pgDatabase?.drop()
})

const BACKENDS: readonly [string, (options: Partial<ServerOptions>) => Promise<TestServer>][] = [
  ['SQLite', (options) => startTestServer(options)],
  [
    'PostgreSQL',
    async (options) => {
      pgDatabase ??= await createTestDatabase()
      return startTestServer({ ...options, backend: await PgBackend.open(pgDatabase.url, STORE_DEFINITIONS, { schema: 'retention' }) })
    },
  ],
]

describe.each(BACKENDS)('privacy: retention (G8) on %s', (_name, start) => {
  it('[G8] old audit entries and expired logins are purged by the schedule while the server runs; recent ones stay', async () => {
    const s = await start({ privacy: { auditRetentionDays: 2, purgeIntervalMs: 100 } })
    server = s
    const now = Date.now()
    // Written after start-up: only the schedule can purge them.
    const entry = (daysAgo: number, detail: string) => ({
      at: new Date(now - daysAgo * DAY).toISOString(),
      actor: 'anonymous',
      actorName: 'login.failed',
      action: 'login.failed',
      sessionId: null,
      themagroep: null,
      detail,
    })
    await s.storage.audit.append(entry(3, 'oud@voorbeeld.nl'))
    await s.storage.audit.append(entry(1, 'recent@voorbeeld.nl'))
    const login = (hash: string, expiresAt: number) => ({
      tokenHash: hash,
      userId: null,
      participant: { id: 'p1', name: 'Iemand', organisation: 'Ergens', role: 'deelnemer' as const, sessionId: 'geen', inviteId: 'geen' },
      createdAt: new Date(now - DAY).toISOString(),
      expiresAt: new Date(expiresAt).toISOString(),
    })
    await s.storage.logins.create(login('verlopen', now - 1000))
    await s.storage.logins.create(login('geldig', now + DAY))

    await waitFor(async () => (await s.storage.logins.get('verlopen')) === null, 'the expired login is purged')
    await waitFor(async () => !JSON.stringify(await s.storage.audit.list({ limit: 1000 })).includes('oud@voorbeeld.nl'), 'the old audit entry is purged')
    expect(JSON.stringify(await s.storage.audit.list({ limit: 1000 }))).toContain('recent@voorbeeld.nl')
    expect(await s.storage.logins.get('geldig')).not.toBeNull()
  })
})
