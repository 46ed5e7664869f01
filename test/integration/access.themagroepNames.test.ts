/**
 * P26: "groep b" and "Groep\u00a0B" are one themagroep: sessions, membership
 * and the list of themagroepen compare names normalised; the first spelling
 * stays; themagroepen stored twice before are merged at start-up.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionSummary } from '../../shared/api'
import { Y_SESSION } from '../../shared/ydoc'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { login, PASSWORD } from '../helpers/accessFixture'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { storesOf } from '../helpers/storesOf'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

describe('themagroep names (P26)', () => {
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
    removeTempDirs()
  })

  it('[P26][P9] a session in "Groep\\u00a0B" joins the themagroep "groep b" of its coördinator under the first spelling; another coördinator is refused', async () => {
    server = await startTestServer()
    await server.access.addUser({ email: 'anna@groep-b.nl', name: 'Anna', role: 'coordinator', password: PASSWORD })
    await server.access.addUser({ email: 'bert@elders.nl', name: 'Bert', role: 'coordinator', password: PASSWORD })
    const anna = await login(server, 'anna@groep-b.nl')
    const first = await server.api<SessionSummary>('POST', '/api/sessions', { title: 'Eerste', themagroep: 'groep b' }, anna.unsafeHeaders)
    expect(first.status).toBe(201)
    const second = await server.api<SessionSummary>('POST', '/api/sessions', { title: 'Tweede', themagroep: 'Groep\u00a0B' }, anna.unsafeHeaders)
    expect(second.status).toBe(201)
    expect(second.body.themagroep).toBe('groep b')
    const doc = await server.rooms.withRoom(second.body.id, (room) => room.doc.getMap(Y_SESSION).get('themagroep'))
    expect(doc).toBe('groep b')
    expect(await server.storage.themagroepen.list()).toEqual(['groep b'])

    const bert = await login(server, 'bert@elders.nl')
    const refused = await server.api<{ message: string }>('POST', '/api/sessions', { title: 'Ingebroken', themagroep: ' GROEP  B ' }, bert.unsafeHeaders)
    expect(refused.status).toBe(403)
    expect(refused.body.message).toMatch(/P9/)
    const own = await server.api<SessionSummary>('POST', '/api/sessions', { title: 'Nieuw', themagroep: '  Groep\u2003C ' }, bert.unsafeHeaders)
    expect(own.status).toBe(201)
    expect(own.body.themagroep).toBe('Groep C')

    // Adding a member under yet another spelling adds to the same themagroep.
    expect((await server.api('POST', `/api/themagroepen/${encodeURIComponent('GROEP\u00a0b')}/members`, { email: 'bert@elders.nl' })).status).toBeLessThan(300)
    expect(await server.storage.themagroepen.members('groep b')).toHaveLength(2)
    const sessions = await server.api<SessionSummary[]>('GET', '/api/sessions', undefined, (await login(server, 'bert@elders.nl')).headers)
    expect(sessions.body.map((s) => s.title).sort()).toEqual(['Eerste', 'Nieuw', 'Tweede'])
  })

  it('[P26] themagroepen stored twice before are merged when the server starts: the oldest spelling stays, with every member', async () => {
    const dataDir = tempDir()
    const before = storesOf(new SqliteBackend(dataDir))
    await before.themagroepen.ensure('Groep B', '2026-01-01T00:00:00.000Z')
    await before.themagroepen.addMember('Groep B', 'u-anna')
    await before.close()
    // What a server before P26 stored: a second row for another spelling, with its own member.
    const raw = new Database(path.join(dataDir, 'brownpaper.sqlite'))
    raw.prepare('INSERT INTO themagroepen (name, created_at) VALUES (?, ?)').run('groep\u00a0b', '2026-01-02T00:00:00.000Z')
    raw.prepare('INSERT INTO themagroep_members (themagroep, user_id) VALUES (?, ?)').run('groep\u00a0b', 'u-bram')
    raw.close()

    server = await startTestServer({ dataDir })
    await server.api('GET', '/api/health')
    expect(await server.storage.themagroepen.list()).toEqual(['Groep B'])
    expect(await server.storage.themagroepen.members('Groep B')).toEqual(['u-anna', 'u-bram'])
    expect(await server.storage.themagroepen.groupsOf('u-bram')).toEqual(['Groep B'])
  })
})
