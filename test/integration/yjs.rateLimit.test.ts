import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import { createInvite } from '../helpers/accessFixture'
import { rawSocket, type RawSocket } from '../helpers/rawSocket'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'

/** A query-awareness frame: valid, cheap, and answered by the server. */
const QUERY_AWARENESS = Uint8Array.of(3)

describe('the per-connection rate limit (SPEC P15)', () => {
  let server: TestServer
  const sockets: RawSocket[] = []

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.ws.terminate()
    await server?.close()
    removeTempDirs()
  })

  it('[P15] closes a deelnemer that floods past its token bucket, and lets the admin token (trusted automation) through', async () => {
    server = await startTestServer({ wsRateLimit: { capacity: 50, refillPerSecond: 10 } })
    const { id } = await server.createSession()
    const invite = await createInvite(server, id, 'deelnemer')
    const deelnemer = rawSocket(`${server.wsUrl}/${id}`, { token: invite.token })
    const admin = rawSocket(`${server.wsUrl}/${id}`)
    sockets.push(deelnemer, admin)
    await Promise.all([deelnemer.opened, admin.opened])

    for (let i = 0; i < 200; i++) {
      deelnemer.ws.send(QUERY_AWARENESS)
      admin.ws.send(QUERY_AWARENESS)
    }
    expect((await deelnemer.closed).code).toBe(CloseCode.RateLimited)
    // The admin connection answered every query and is still open.
    await expect.poll(() => admin.received.filter((f) => f[0] === 1).length).toBeGreaterThanOrEqual(200)
    expect(admin.ws.readyState).toBe(admin.ws.OPEN)
  })
})
