/** Who was there (SPEC U12, U14): the people who joined a session from its invites, kept after their logins are gone. */
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionParticipant } from '../../shared/accounts'
import { accessFixture, createInvite, join, type AccessFixture } from '../helpers/accessFixture'
import { rawSocket } from '../helpers/rawSocket'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

describe('who joined a session (SPEC U12, U14)', () => {
  let server: TestServer

  afterEach(async () => {
    await server?.close()
    removeTempDirs()
  })

  /** As the admin: the purge below ends every login, the coördinator's too. */
  const participantsOf = async (f: AccessFixture, sessionId = f.session.id) => {
    const res = await server.api<{ participants: SessionParticipant[] }>('GET', `/api/sessions/${sessionId}/participants`)
    expect(res.status).toBe(200)
    return res.body.participants
  }
  const line = (p: SessionParticipant) => `${p.name}|${p.organisation}|${p.role}`

  it('[U12] lists each person who joined this session once, with name, organisation and role, for secretariaat and coördinatoren only', async () => {
    server = await startTestServer({ loginAttempts: 1000 })
    const f = await accessFixture(server)
    await join(server, f.invites.deelnemer.token, 'Karin Smit', 'GGD Amsterdam')
    await join(server, f.invites.deelnemer.token, ' karin  smit', 'GGD amsterdam ') // a second device, typed a little differently
    await join(server, f.invites.waarnemer.token, 'Piet de Boer', 'NZa')
    const path = `/api/sessions/${f.session.id}/participants`
    const asCoordinator = await server.api<{ participants: SessionParticipant[] }>('GET', path, undefined, f.creds.coordinator.headers)
    expect(asCoordinator.status).toBe(200)
    const names = asCoordinator.body.participants.map(line)
    expect(names).toEqual(expect.arrayContaining(['Karin Smit|GGD Amsterdam|deelnemer', 'Piet de Boer|NZa|waarnemer']))
    expect(names.filter((n) => n.toLowerCase().includes('karin'))).toHaveLength(1)
    // The fixture's own participants joined too; nobody of the other session is listed.
    const other = await server.api<{ participants: SessionParticipant[] }>('GET', `/api/sessions/${f.otherSession.id}/participants`, undefined, f.creds.otherCoordinator.headers)
    expect(other.body.participants.map((p) => p.name)).not.toContain('Karin Smit')

    expect((await server.api('GET', path, undefined, f.creds.secretariaat.headers)).status).toBe(200)
    expect((await server.api('GET', path, undefined, f.creds.secretariaatAccount.headers)).status).toBe(200)
    expect((await server.api('GET', path, undefined, f.creds.deelnemer.headers)).status).toBe(403)
    expect((await server.api('GET', path, undefined, f.creds.otherCoordinator.headers)).status).toBe(403)
  })

  it('[U12][U14] someone who logged out, and someone whose login expired and was purged, is still listed; the same person joining twice is listed once', async () => {
    server = await startTestServer({ loginAttempts: 1000 })
    const f = await accessFixture(server)
    const invite = await createInvite(server, f.session.id, 'deelnemer')
    const karin = await join(server, invite.token, 'Karin Smit', 'GGD Amsterdam')
    const piet = await join(server, invite.token, 'Piet de Boer', 'NZa')
    const before = await participantsOf(f)
    const karinFirst = before.find((p) => p.name === 'Karin Smit')!
    expect(karinFirst.firstJoinedAt).toBe(karinFirst.lastSeenAt)

    // Karin logs out (her login is deleted) ...
    expect((await server.api('POST', '/api/auth/logout', undefined, karin.unsafeHeaders)).status).toBe(204)
    expect((await server.api('GET', '/api/auth/me', undefined, karin.headers)).body).toMatchObject({ me: { kind: 'anonymous' } })
    // ... and every login, Piet's among them, expires and is purged.
    expect(await server.storage.logins.deleteExpired('9999-12-31T00:00:00.000Z')).toBeGreaterThan(0)
    expect((await server.api('GET', '/api/auth/me', undefined, piet.headers)).body).toMatchObject({ me: { kind: 'anonymous' } })
    const after = await participantsOf(f)
    expect(after.map(line)).toEqual(expect.arrayContaining(['Karin Smit|GGD Amsterdam|deelnemer', 'Piet de Boer|NZa|deelnemer']))

    // Karin comes back: still one Karin, first joined as before, last seen later.
    const clock = Date.parse(karinFirst.lastSeenAt)
    while (Date.now() <= clock) await new Promise((resolve) => setImmediate(resolve))
    await join(server, invite.token, 'Karin Smit', 'GGD Amsterdam')
    const again = (await participantsOf(f)).filter((p) => p.name === 'Karin Smit')
    expect(again).toHaveLength(1)
    expect(again[0]!.firstJoinedAt).toBe(karinFirst.firstJoinedAt)
    expect(again[0]!.lastSeenAt > karinFirst.lastSeenAt).toBe(true)
  })

  it('[U14] opening the board with one’s login counts as seen; an invite token used directly is nobody', async () => {
    server = await startTestServer({ loginAttempts: 1000 })
    const f = await accessFixture(server)
    const invite = await createInvite(server, f.session.id, 'deelnemer')
    const karin = await join(server, invite.token, 'Karin Smit', 'GGD Amsterdam')
    const joined = (await participantsOf(f)).find((p) => p.name === 'Karin Smit')!
    while (Date.now() <= Date.parse(joined.lastSeenAt)) await new Promise((resolve) => setImmediate(resolve))
    const board = rawSocket(`${server.wsUrl}/${f.session.id}`, { token: null, headers: { cookie: karin.cookie!, origin: server.url } })
    // The first frame comes after the grant: the sighting is recorded by then.
    await waitFor(() => board.received.length > 0, 'the board syncs')
    board.ws.close()
    const direct = rawSocket(`${server.wsUrl}/${f.session.id}`, { token: invite.token })
    await waitFor(() => direct.received.length > 0, 'the board syncs for the invite token')
    direct.ws.close()
    const seen = (await participantsOf(f)).filter((p) => p.name === 'Karin Smit')
    expect(seen).toHaveLength(1)
    expect(seen[0]!.lastSeenAt > joined.lastSeenAt).toBe(true)
    expect((await participantsOf(f)).map((p) => p.name)).not.toContain('Uitnodiging (deelnemer)')
  })

  it('[U14] the role listed is the invite’s role now (W23), also for someone who left before it changed', async () => {
    server = await startTestServer({ loginAttempts: 1000 })
    const f = await accessFixture(server)
    const invite = await createInvite(server, f.session.id, 'deelnemer')
    const karin = await join(server, invite.token, 'Karin Smit', 'GGD Amsterdam')
    expect((await server.api('POST', '/api/auth/logout', undefined, karin.unsafeHeaders)).status).toBe(204)
    const changed = await server.api('PATCH', `/api/sessions/${f.session.id}/invites/${invite.id}`, { role: 'waarnemer' })
    expect(changed.status).toBe(200)
    const listed = (await participantsOf(f)).filter((p) => p.name === 'Karin Smit')
    expect(listed.map(line)).toEqual(['Karin Smit|GGD Amsterdam|waarnemer'])
  })
})
