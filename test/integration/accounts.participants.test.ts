/** Who was there (SPEC U12): the people who joined a session from its invites. */
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionParticipant } from '../../shared/accounts'
import { accessFixture, join } from '../helpers/accessFixture'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'

describe('who joined a session (SPEC U12)', () => {
  let server: TestServer

  afterEach(async () => {
    await server?.close()
    removeTempDirs()
  })

  it('[U12] lists each person who joined this session once, with name, organisation and role, for secretariaat and coördinatoren only', async () => {
    server = await startTestServer({ loginAttempts: 1000 })
    const f = await accessFixture(server)
    await join(server, f.invites.deelnemer.token, 'Karin Smit', 'GGD Amsterdam')
    await join(server, f.invites.deelnemer.token, 'Karin Smit', 'GGD Amsterdam') // a second device
    await join(server, f.invites.waarnemer.token, 'Piet de Boer', 'NZa')
    const path = `/api/sessions/${f.session.id}/participants`
    const asCoordinator = await server.api<{ participants: SessionParticipant[] }>('GET', path, undefined, f.creds.coordinator.headers)
    expect(asCoordinator.status).toBe(200)
    const names = asCoordinator.body.participants.map((p) => `${p.name}|${p.organisation}|${p.role}`)
    expect(names).toEqual(expect.arrayContaining(['Karin Smit|GGD Amsterdam|deelnemer', 'Piet de Boer|NZa|waarnemer']))
    expect(names.filter((n) => n.startsWith('Karin'))).toHaveLength(1)
    // The fixture's own participants joined too; nobody of the other session is listed.
    const other = await server.api<{ participants: SessionParticipant[] }>('GET', `/api/sessions/${f.otherSession.id}/participants`, undefined, f.creds.otherCoordinator.headers)
    expect(other.body.participants.map((p) => p.name)).not.toContain('Karin Smit')

    expect((await server.api('GET', path, undefined, f.creds.secretariaat.headers)).status).toBe(200)
    expect((await server.api('GET', path, undefined, f.creds.secretariaatAccount.headers)).status).toBe(200)
    expect((await server.api('GET', path, undefined, f.creds.deelnemer.headers)).status).toBe(403)
    expect((await server.api('GET', path, undefined, f.creds.otherCoordinator.headers)).status).toBe(403)
  })
})
