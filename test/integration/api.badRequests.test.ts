import { afterEach, describe, expect, it } from 'vitest'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'

/** Requests as an outside client sends them: plain fetch, the admin bearer token, headers spelled out. */
describe('bad requests get a JSON error with a 4xx status', () => {
  let server: TestServer

  afterEach(async () => {
    await server?.close()
    removeTempDirs()
  })

  async function send(method: string, path: string, body?: string, contentType?: string) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...(contentType ? { 'content-type': contentType } : {}) },
      body,
    })
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as { error: string; message: string } }
  }

  it.each([
    ['GET', '/api/sessions/%E0%A4%A'],
    ['POST', '/api/sessions/%E0%A4%A/stickies'],
    ['GET', '/api/sessions/%ZZ/verslag.md'],
  ])('[P15] a URL whose percent-encoding does not decode (%s %s) is a 400, not a 500', async (method, path) => {
    server = await startTestServer()
    const res = await send(method, path, method === 'POST' ? '{"text":"x"}' : undefined, method === 'POST' ? 'application/json' : undefined)
    expect(res.status).toBe(400)
    expect(res.type).toMatch(/^application\/json/)
    expect(res.body.error).toBe('bad_request')
    expect(res.body.message).toEqual(expect.any(String))
  })

  it.each([
    ['text/plain', JSON.stringify({ title: 'Sessie', themagroep: 'Groep', date: '2026-06-22' })],
    ['application/x-www-form-urlencoded', JSON.stringify({ title: 'Sessie', themagroep: 'Groep', date: '2026-06-22' })],
  ])('[P15] POST /api/sessions with a %s body is 415 unsupported_media_type and creates nothing', async (type, body) => {
    server = await startTestServer()
    const res = await send('POST', '/api/sessions', body, type)
    expect(res.status).toBe(415)
    expect(res.body.error).toBe('unsupported_media_type')
    expect(res.body.message).toMatch(/application\/json/)
    const list = await fetch(`${server.url}/api/sessions`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })
    expect(await list.json()).toEqual([])
  })

  it('[P15] POST /api/sessions/:id/stickies with a text/plain body is 415 and adds no sticky', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const before = await (await fetch(`${server.url}/api/sessions/${id}/verslag.json`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })).text()
    const res = await send('POST', `/api/sessions/${id}/stickies`, JSON.stringify({ text: 'Een factor', tag: 'bevorderend' }), 'text/plain')
    expect(res.status).toBe(415)
    expect(res.body.error).toBe('unsupported_media_type')
    const after = await (await fetch(`${server.url}/api/sessions/${id}/verslag.json`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })).text()
    expect(after).toBe(before)
  })

  it.each([
    ['POST', '/iets', 404, 'not_found'],
    ['DELETE', '/', 404, 'not_found'],
    ['PUT', '/assets/app.js', 404, 'not_found'],
    ['GET', '/yjs/abcdefgh12', 426, 'upgrade_required'],
  ])('%s %s outside the API answers %i with a JSON error, not an HTML page', async (method, path, status, error) => {
    server = await startTestServer()
    const res = await send(method, path)
    expect(res.status).toBe(status)
    expect(res.type).toMatch(/^application\/json/)
    expect(res.body.error).toBe(error)
  })

  it('a GET whose stored data fails its schema is a 500 internal_error, not a 400 blaming a body the client never sent', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    await server.storage.versions.add({
      sessionId: id,
      versie: 1,
      vastgesteldAt: '2026-06-22T10:00:00.000Z',
      vastgesteldOp: '2026-06-22',
      actor: 'admin',
      actorName: 'beheer',
      models: JSON.stringify({ nl: { kapot: true }, en: { kapot: true } }),
      picture: null,
    })
    const res = await send('GET', `/api/sessions/${id}/versions/1/verslag.md`)
    expect(res.status).toBe(500)
    expect(res.body.error).toBe('internal_error')
  })

  it('[P15] a POST without a body still gets the 400 naming the missing fields', async () => {
    server = await startTestServer()
    const res = await send('POST', '/api/sessions')
    expect(res.status).toBe(400)
    expect(res.body.error).toBe('invalid_body')
    expect(res.body.message).toMatch(/title/)
  })
})
