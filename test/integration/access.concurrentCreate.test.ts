import { afterEach, describe, expect, it } from 'vitest'
import type { SessionSummary } from '../../shared/api'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { login, PASSWORD } from '../helpers/accessFixture'
import { FaultyDocStore, withDocStore } from '../helpers/faultyDocs'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

describe('two coördinatoren found the same new themagroep at once', () => {
  let server: TestServer

  afterEach(async () => {
    await server?.close()
    removeTempDirs()
  })

  it.each([
    ['POST /api/sessions', 'json'],
    ['POST /api/sessions/import', 'text'],
  ] as const)('[P9] %s: only one becomes its member; the other is refused and nothing of its request is stored', async (_route, kind) => {
    // A slow disk widens the window between the policy's look at the themagroep and the session being stored.
    const storage = new SqliteBackend(tempDir())
    const docs = new FaultyDocStore(storage.docs)
    docs.appendDelayMs = 100
    server = await startTestServer({ backend: withDocStore(storage, docs) })
    await server.access.addUser({ email: 'anna@groep.nl', name: 'Anna', role: 'coordinator', password: PASSWORD })
    await server.access.addUser({ email: 'bert@elders.nl', name: 'Bert', role: 'coordinator', password: PASSWORD })
    const anna = await login(server, 'anna@groep.nl')
    const bert = await login(server, 'bert@elders.nl')
    const themagroep = 'Nieuwe themagroep Noord'
    const create = (headers: Record<string, string>, title: string) =>
      kind === 'json'
        ? fetch(`${server.url}/api/sessions`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ title, themagroep }),
          })
        : fetch(`${server.url}/api/sessions/import?themagroep=${encodeURIComponent(themagroep)}`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'text/plain' },
            body: `Verslag: ${title}\n\nOpbrengst brownpapersessie – Blad\n\n • Een punt\n`,
          })

    const [a, b] = await Promise.all([create(anna.unsafeHeaders, 'Sessie van Anna'), create(bert.unsafeHeaders, 'Sessie van Bert')])
    const statuses = [a.status, b.status].sort()
    expect(statuses).toEqual([201, 403])
    const refused = a.status === 403 ? a : b
    expect(await refused.json()).toMatchObject({ error: 'forbidden' })

    const members = await server.storage.themagroepen.members(themagroep)
    expect(members).toHaveLength(1)
    const sessions = (await server.api<SessionSummary[]>('GET', '/api/sessions')).body.filter((s) => s.themagroep === themagroep)
    expect(sessions).toHaveLength(1)
    const winner = a.status === 201 ? 'anna@groep.nl' : 'bert@elders.nl'
    expect(sessions[0]!.title).toBe(winner === 'anna@groep.nl' ? 'Sessie van Anna' : 'Sessie van Bert')
    const user = await server.storage.users.getByEmail(winner)
    expect(members).toEqual([user!.id])
  })
})
