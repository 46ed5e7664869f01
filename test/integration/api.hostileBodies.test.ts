/**
 * Bad input on every route that takes a body (P15): malformed JSON, the
 * wrong shape, a body nested 100,000 levels, one over the size cap, the wrong
 * content type, prototype-polluting keys. The routes are read from the
 * running app, so a new route is covered without being listed. Each answer
 * is a 4xx with a JSON `{error, message}` sentence (no stack, no 5xx), or a
 * success where the route takes no body; the server stays up and the board
 * it serves is unchanged.
 */
import type { Express } from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { allRecords } from '../../shared/ydoc'
import { appRoutes, type AppRoute } from '../helpers/appRoutes'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

/** What an attacker sends; each with the content type it claims. */
const HOSTILE: readonly { name: string; body: string; contentType: string }[] = [
  { name: 'malformed JSON', body: '{"title": "half', contentType: 'application/json' },
  { name: 'an array', body: '[1, 2, 3]', contentType: 'application/json' },
  { name: 'null', body: 'null', contentType: 'application/json' },
  { name: 'a bare string', body: '"tekst"', contentType: 'application/json' },
  { name: 'wrong types', body: JSON.stringify({ title: 42, role: ['deelnemer'], text: { a: 1 }, tag: null, status: 7, email: false, name: [], phase: {}, voteBudget: 'drie' }), contentType: 'application/json' },
  { name: 'prototype keys', body: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"isAdmin": true}}}', contentType: 'application/json' },
  { name: 'nested 100,000 levels', body: nested(100_000), contentType: 'application/json' },
  { name: 'over the size cap (3 MB)', body: JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024), title: 'x'.repeat(1024) }), contentType: 'application/json' },
  { name: 'JSON sent as text/plain', body: '{"title": "Sessie"}', contentType: 'text/plain' },
  { name: 'form data', body: 'title=Sessie&role=deelnemer', contentType: 'application/x-www-form-urlencoded' },
]

/** Routes whose success would end what the test stands on. */
const SKIPPED = new Set(['DELETE /api/sessions/:id', 'POST /api/auth/logout', 'POST /api/privacy/erase'])

describe('hostile bodies on every route (P15)', () => {
  let server: TestServer
  let sessionId: string
  let routes: AppRoute[]
  let before: unknown

  beforeAll(async () => {
    server = await startTestServer({ dataDir: tempDir(), loginAttempts: 100_000 })
    sessionId = (await server.createSession()).id
    await server.api('POST', `/api/sessions/${sessionId}/stickies`, { text: 'Korte lijnen met de huisarts', tag: 'bevorderend' })
    routes = appRoutes(server.httpServer.listeners('request')[0] as Express).filter(
      (r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && !SKIPPED.has(`${r.method} ${r.path}`),
    )
    before = readBoard(allRecords(server.rooms.get(sessionId)?.doc ?? (await server.rooms.open(sessionId)).doc))
  })
  afterAll(async () => {
    await server?.close()
    removeTempDirs()
  })

  it('[P15] every route answers each hostile body with a 4xx {error, message} sentence or a success, never a 5xx; the server stays up and the board is unchanged', async () => {
    expect(routes.length).toBeGreaterThan(25)
    const fill = (path: string) => path.replace(/:([A-Za-z]+)/g, (_, p: string) => (p === 'id' || p === 'sessionId' ? sessionId : 'onbekend'))
    const failures: string[] = []
    let refused = 0
    for (const route of routes) {
      for (const hostile of HOSTILE) {
        const what = `${route.method} ${route.path} with ${hostile.name}`
        const res = await fetch(`${server.url}${fill(route.path)}`, {
          method: route.method,
          headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': hostile.contentType },
          body: hostile.body,
        })
        const text = await res.text()
        if (res.status >= 500) {
          failures.push(`${what}: ${res.status} ${text.slice(0, 200)}`)
          continue
        }
        if (res.status < 400) continue
        refused++
        let body: { error?: unknown; message?: unknown } = {}
        try {
          body = JSON.parse(text) as typeof body
        } catch {
          failures.push(`${what}: ${res.status} is not JSON: ${text.slice(0, 100)}`)
          continue
        }
        if (typeof body.error !== 'string' || typeof body.message !== 'string' || body.message.length < 10) failures.push(`${what}: ${res.status} ${text.slice(0, 200)}`)
        else if (/\bat \S+ \(|Error:|node_modules/.test(body.message)) failures.push(`${what}: a stack in the message: ${body.message.slice(0, 200)}`)
      }
    }
    expect(failures).toEqual([])
    // Most of them are refusals: a route that took every one of them would be a test of nothing.
    expect(refused).toBeGreaterThan(routes.length * HOSTILE.length * 0.6)
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    const health = await fetch(`${server.url}/api/health`)
    expect(health.status).toBe(200)
    expect(readBoard(allRecords(server.rooms.get(sessionId)!.doc)).stickies).toEqual((before as ReturnType<typeof readBoard>).stickies)
  }, 240_000)
})
