import { afterEach, describe, expect, it } from 'vitest'
import type { SessionSummary } from '../../shared/api'
import { accessFixture, GROEP_A } from '../helpers/accessFixture'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'

describe('the themagroep a session belongs to', () => {
  let server: TestServer
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  it('[P4] writing another themagroep into the document does not move the session out of reach of its coördinator', async () => {
    server = await startTestServer({ indexDebounceMs: 20 })
    const { session, invites, creds } = await accessFixture(server)
    // A secretariaat invite may write the session details (P8), so its socket may touch the session map.
    const client = connectYClient(server.wsUrl, session.id, { params: { token: invites.secretariaat.token } })
    clients.push(client)
    await client.synced
    client.doc.getMap('session').set('themagroep', 'Een themagroep zonder leden')
    client.doc.getMap('session').set('title', 'Nieuwe titel')

    // The title is mirrored into the index (S13): once it is there, the index has seen the change.
    const deadline = Date.now() + 5_000
    let indexed: SessionSummary | null = null
    while (Date.now() < deadline) {
      indexed = await server.storage.sessions.get(session.id)
      if (indexed?.title === 'Nieuwe titel') break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(indexed?.title).toBe('Nieuwe titel')
    expect(indexed?.themagroep).toBe(GROEP_A)

    const read = await server.api('GET', `/api/sessions/${session.id}`, undefined, creds.coordinator.headers)
    expect(read.status).toBe(200)
    const list = await server.api<SessionSummary[]>('GET', '/api/sessions', undefined, creds.coordinator.headers)
    expect(list.body.map((s) => s.id)).toContain(session.id)
  })
})
