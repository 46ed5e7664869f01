import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionSummary } from '../../shared/api'
import { readBoard } from '../../shared/boardModel'
import { DEFAULT_SHEETS } from '../../shared/session'
import { SESSION_ID_PATTERN } from '../../shared/sessionId'
import { allRecords, readSessionInfo } from '../../shared/ydoc'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs, tempDir } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

describe('HTTP API: sessions and stickies', () => {
  let server: TestServer
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  it('GET /api/health answers 200 when ready and /api/config hands out the license key', async () => {
    server = await startTestServer({ tldrawLicenseKey: 'tldraw-key-123' })
    expect(await server.api('GET', '/api/health')).toEqual({ status: 200, body: { status: 'ok' } })
    expect(await server.api('GET', '/api/config')).toMatchObject({ status: 200, body: { tldrawLicenseKey: 'tldraw-key-123' } })
  })

  it('[S13] POST /api/sessions answers 201 with a random id, lists it, and seeds its board with info and default sheets', async () => {
    server = await startTestServer()
    const res = await server.api<SessionSummary>('POST', '/api/sessions', {
      title: 'Brownpapersessie 14 juni',
      themagroep: 'Bekostiging SO buiten het verpleeghuis',
      type: 'brownpapersessie',
      date: '2026-06-14',
      place: 'Utrecht',
      afgemeld: ['ActiZ', 'LHV'],
    })
    expect(res.status).toBe(201)
    expect(res.body.id).toMatch(SESSION_ID_PATTERN)
    expect(res.body).toMatchObject({ title: 'Brownpapersessie 14 juni', type: 'brownpapersessie', date: '2026-06-14', place: 'Utrecht' })
    const other = await server.createSession()
    expect(other.id).not.toBe(res.body.id)

    const list = await server.api<SessionSummary[]>('GET', '/api/sessions')
    expect(list.body.map((s) => s.id)).toEqual([other.id, res.body.id])
    expect((await server.api('GET', `/api/sessions/${res.body.id}`)).body).toEqual(res.body)

    const client = connectYClient(server.wsUrl, res.body.id)
    clients.push(client)
    await client.synced
    expect(readSessionInfo(client.doc)).toMatchObject({ title: 'Brownpapersessie 14 juni', afgemeld: ['ActiZ', 'LHV'] })
    expect(readBoard(allRecords(client.doc)).sheets.map((s) => s.name)).toEqual([...DEFAULT_SHEETS.brownpapersessie])
  })

  it('POST /api/sessions uses the given sheet titles instead of the defaults', async () => {
    server = await startTestServer()
    const { id } = await server.createSession({ type: 'workshop', sheets: ['Wijk', 'Regio'] })
    const names = await server.rooms.withRoom(id, (room) => readBoard(allRecords(room.doc)).sheets.map((s) => s.name))
    expect(names).toEqual(['Wijk', 'Regio'])
  })

  it('answers 400 invalid_body naming the bad field', async () => {
    server = await startTestServer()
    const missing = await server.api<{ error: string; message: string }>('POST', '/api/sessions', { title: 'Zonder themagroep' })
    expect(missing.status).toBe(400)
    expect(missing.body.error).toBe('invalid_body')
    expect(missing.body.message).toMatch(/themagroep/)
    const badDate = await server.api<{ error: string; message: string }>('POST', '/api/sessions', {
      title: 'x',
      themagroep: 'y',
      date: '2026-02-30',
    })
    expect(badDate.status).toBe(400)
    expect(badDate.body.message).toMatch(/date/)
    const { id } = await server.createSession()
    const badTag = await server.api<{ error: string; message: string }>('POST', `/api/sessions/${id}/stickies`, {
      text: 'x',
      tag: 'paars',
    })
    expect(badTag.status).toBe(400)
    expect(badTag.body).toMatchObject({ error: 'invalid_body' })
    expect(badTag.body.message).toMatch(/tag/)
    expect((await server.api<SessionSummary[]>('GET', '/api/sessions')).body).toHaveLength(1)
  })

  it('answers 400 on malformed JSON and 404 JSON on an unknown /api route', async () => {
    server = await startTestServer()
    const bad = await server.api<{ error: string }>('POST', '/api/sessions', '{"title": ', { 'content-type': 'application/json' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('invalid_json')
    const unknown = await server.api<{ error: string; message: string }>('GET', '/api/bestaat-niet')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toBe('not_found')
    expect(typeof unknown.body.message).toBe('string')
  })

  it('answers 404 session_not_found for an unknown or malformed session id', async () => {
    server = await startTestServer()
    for (const id of ['onbekendeSessie1', 'x']) {
      const get = await server.api<{ error: string }>('GET', `/api/sessions/${id}`)
      expect(get.status).toBe(404)
      expect(get.body.error).toBe('session_not_found')
      const post = await server.api<{ error: string }>('POST', `/api/sessions/${id}/stickies`, { text: 'x' })
      expect(post.status).toBe(404)
      expect(post.body.error).toBe('session_not_found')
    }
  })

  it('[S13] mirrors changes of the session info and the time of the change (strictly later) into the session index', async () => {
    server = await startTestServer({ indexDebounceMs: 20 })
    const created = await server.createSession({ title: 'Oude titel' })
    const client = connectYClient(server.wsUrl, created.id)
    clients.push(client)
    await client.synced
    // The clock has moved past the creation time, so a mirrored change time is strictly later.
    await waitFor(() => Date.now() > Date.parse(created.updatedAt), 'the clock to pass the creation time')
    const changedFrom = Date.now()
    client.doc.getMap('session').set('title', 'Nieuwe titel')
    client.doc.getMap('session').set('place', 'Barneveld, Norschoten')
    const updated = await waitFor(async () => {
      const res = await server.api<SessionSummary>('GET', `/api/sessions/${created.id}`)
      return res.body.title === 'Nieuwe titel' ? res.body : null
    }, 'the index to follow the doc')
    expect(updated.place).toBe('Barneveld, Norschoten')
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt))
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(changedFrom)
    expect(updated.createdAt).toBe(created.createdAt)
  })

  it('serves the built client with a fallback to index.html outside /api and /yjs', async () => {
    const clientDir = tempDir()
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Brownpaper</title>')
    fs.writeFileSync(path.join(clientDir, 'robots.txt'), 'User-agent: *')
    server = await startTestServer({ clientDir })
    for (const page of ['/', '/sessies/abcdefgh12', '/nieuw']) {
      const res = await fetch(`${server.url}${page}`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<title>Brownpaper</title>')
    }
    expect(await (await fetch(`${server.url}/robots.txt`)).text()).toBe('User-agent: *')
    expect((await fetch(`${server.url}/api/niets`)).status).toBe(404)
  })

  it('answers 503 telling to run npm run build when the client is not built', async () => {
    server = await startTestServer({ clientDir: path.join(tempDir(), 'missing') })
    const res = await fetch(`${server.url}/`)
    expect(res.status).toBe(503)
    expect(await res.text()).toContain('npm run build')
  })

  it('compresses large responses', async () => {
    server = await startTestServer()
    for (let i = 0; i < 20; i++) await server.createSession({ title: `Sessie nummer ${i} met een lange titel` })
    const res = await fetch(`${server.url}/api/sessions`, {
      headers: { 'accept-encoding': 'gzip', authorization: `Bearer ${server.options.adminToken ?? ''}` },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(await res.json()).toHaveLength(20)
  })
})
