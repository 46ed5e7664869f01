/**
 * The automation contract of DESIGN.md ("Contract for automation"), exercised
 * end to end as an outside client does it: plain fetch with the bearer token
 * spelled out, and the stock y-websocket provider with `ws` as WebSocket and
 * `params: { token }`. No test helper stands between the client and the
 * server except starting the server itself (real SQLite, port 0).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { startServer, type RunningServer } from '../../server/app'

const ADMIN_TOKEN = 'contract-test-admin-token-0123456789'
const VERSLAG = `Verslag: Contract import

Themagroep: Contracttests

Opbrengst brownpapersessie – Bekostiging

 • Een bevorderende factor uit de import
 • Nog een punt uit de import
`

let server: RunningServer
let dataDir: string
let base: string
let wsBase: string
const providers: WebsocketProvider[] = []

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` }
const json = { ...admin, 'content-type': 'application/json' }

/** Polls `check` until it returns something truthy (5 s at most). */
async function eventually<T>(check: () => T | undefined | false, what: string): Promise<T> {
  const until = Date.now() + 5_000
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A stock y-websocket client, exactly as DESIGN.md describes it. */
function connect(sessionId: string, params: Record<string, string>): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsBase, sessionId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  })
  providers.push(provider)
  return { doc, provider }
}

function synced(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve) => {
    if (provider.synced) resolve()
    else provider.on('sync', (isSynced: boolean) => isSynced && resolve())
  })
}

/** Resolves with the close code of a socket the server refuses for good (4400–4499). */
function closedWith(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) => provider.on('closed', (event: { code: number }) => resolve(event.code)))
}

/** The board's records as the doc holds them: a Y.Array "tldraw" of {key, val}. */
function boardJson(doc: Y.Doc): string {
  return JSON.stringify(doc.getArray('tldraw').toJSON())
}

async function createSession(): Promise<string> {
  const res = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ title: 'Contractsessie', themagroep: 'Contracttests', date: '2026-06-22' }),
  })
  expect(res.status).toBe(201)
  const body = (await res.json()) as { id: unknown }
  expect(body.id).toEqual(expect.any(String))
  return body.id as string
}

async function invite(sessionId: string, role: string): Promise<{ token: string; url: string }> {
  const res = await fetch(`${base}/api/sessions/${sessionId}/invites`, { method: 'POST', headers: json, body: JSON.stringify({ role }) })
  expect(res.status).toBe(201)
  return (await res.json()) as { token: string; url: string }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-contract-'))
  server = await startServer({ port: 0, dataDir, adminToken: ADMIN_TOKEN })
  base = `http://localhost:${server.port}`
  wsBase = `ws://localhost:${server.port}/yjs`
})

afterAll(async () => {
  for (const provider of providers.splice(0)) provider.destroy()
  await server?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('the automation contract (DESIGN.md)', () => {
  it('GET /api/health → 200', async () => {
    const res = await fetch(`${base}/api/health`)
    expect(res.status).toBe(200)
  })

  it('POST /api/sessions with only title, themagroep and date and the admin bearer token → 201 with id', async () => {
    const id = await createSession()
    const res = await fetch(`${base}/api/sessions/${id}`, { headers: admin })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id, title: 'Contractsessie', themagroep: 'Contracttests', date: '2026-06-22' })
  })

  it('POST /api/sessions/import with a text/plain verslag → 201 with the id of the new session', async () => {
    const res = await fetch(`${base}/api/sessions/import`, { method: 'POST', headers: { ...admin, 'content-type': 'text/plain; charset=utf-8' }, body: VERSLAG })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    expect(id).toEqual(expect.any(String))
    const md = await fetch(`${base}/api/sessions/${id}/verslag.md`, { headers: admin })
    expect(md.status).toBe(200)
    const text = await md.text()
    expect(text).toContain('Een bevorderende factor uit de import')
    expect(text).toContain('Nog een punt uit de import')
  })

  it('POST /api/sessions/:id/stickies {text, tag, sheet} → 201, and the sticky appears live on an open board (admin token socket)', async () => {
    const id = await createSession()
    const board = connect(id, { token: ADMIN_TOKEN })
    await synced(board.provider)
    const res = await fetch(`${base}/api/sessions/${id}/stickies`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ text: 'Sticky uit de automatisering', tag: 'belemmerend', sheet: 'Bekostiging' }),
    })
    expect(res.status).toBe(201)
    const { id: stickyId } = (await res.json()) as { id: string }
    await eventually(() => boardJson(board.doc).includes('Sticky uit de automatisering'), 'the sticky on the board')
    expect(boardJson(board.doc)).toContain(stickyId)
  })

  it('GET /api/sessions/:id/verslag.md|.html|.docx|.json → the verslag in each format', async () => {
    const id = await createSession()
    await fetch(`${base}/api/sessions/${id}/stickies`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ text: 'Factor voor het verslag', tag: 'bevorderend', sheet: 'Bekostiging' }),
    })
    const expected: [string, RegExp][] = [
      ['md', /^text\/markdown/],
      ['html', /^text\/html/],
      ['docx', /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/],
      ['json', /^application\/json/],
    ]
    for (const [format, type] of expected) {
      const res = await fetch(`${base}/api/sessions/${id}/verslag.${format}`, { headers: admin })
      expect(res.status, format).toBe(200)
      expect(res.headers.get('content-type'), format).toMatch(type)
      const bytes = Buffer.from(await res.arrayBuffer())
      if (format === 'docx') expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
      else expect(bytes.toString('utf8'), format).toContain('Factor voor het verslag')
    }
  })

  it('GET /api/regelruimte.json and .csv → the register across sessions', async () => {
    const id = await createSession()
    const added = await fetch(`${base}/api/sessions/${id}/stickies`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ text: 'Ruimte in de subsidieregeling', tag: 'regelruimte', sheet: 'Bekostiging' }),
    })
    expect(added.status).toBe(201)
    const register = await fetch(`${base}/api/regelruimte.json`, { headers: admin })
    expect(register.status).toBe(200)
    const body = (await register.json()) as { schemaVersion: number; rows: { sessionId: string; text: string }[] }
    expect(body.schemaVersion).toBe(1)
    expect(body.rows).toContainEqual(expect.objectContaining({ sessionId: id, text: 'Ruimte in de subsidieregeling' }))
    const csv = await fetch(`${base}/api/regelruimte.csv`, { headers: admin })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(await csv.text()).toContain('Ruimte in de subsidieregeling')
  })

  it('POST /api/sessions/:id/invites {role} → 201 {token, url}; a deelnemer invite token joins the board and edits it', async () => {
    const id = await createSession()
    const { token, url } = await invite(id, 'deelnemer')
    expect(token).toEqual(expect.any(String))
    expect(url).toBe(`${base}/join/${token}`)
    const deelnemer = connect(id, { token })
    const watcher = connect(id, { token: ADMIN_TOKEN })
    await Promise.all([synced(deelnemer.provider), synced(watcher.provider)])
    // A sticky (a tldraw note): what a deelnemer may add (W3).
    const note = { id: 'shape:contractdeelnemer', typeName: 'shape', type: 'note', parentId: 'page:page', x: 0, y: 0, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'van de deelnemer' }] }] } }, meta: {} }
    deelnemer.doc.getArray('tldraw').push([{ key: note.id, val: note }])
    await eventually(() => boardJson(watcher.doc).includes('van de deelnemer'), 'the deelnemer edit at another client')
  })

  it("[P6][S7] a waarnemer invite token syncs, but the server refuses the waarnemer's updates and keeps its socket open", async () => {
    const id = await createSession()
    const { token } = await invite(id, 'waarnemer')
    const waarnemer = connect(id, { token })
    const watcher = connect(id, { token: ADMIN_TOKEN })
    await Promise.all([synced(waarnemer.provider), synced(watcher.provider)])
    waarnemer.doc.getArray('tldraw').push([{ key: 'contract:waarnemer', val: { id: 'contract:waarnemer', typeName: 'contract', note: 'van de waarnemer' } }])
    // One socket's frames are handled in order: once the waarnemer's later presence
    // reached the watcher, the server has handled (and refused) its update.
    waarnemer.provider.awareness.setLocalStateField('marker', 'Waarnemer')
    await eventually(
      () => (watcher.provider.awareness.getStates().get(waarnemer.doc.clientID) as { marker?: string } | undefined)?.marker === 'Waarnemer',
      "the waarnemer's presence",
    )
    expect(boardJson(watcher.doc)).not.toContain('van de waarnemer')
    // Nor does the server hold it: a client that syncs now gets the server's whole document.
    const newcomer = connect(id, { token: ADMIN_TOKEN })
    await synced(newcomer.provider)
    expect(boardJson(newcomer.doc)).not.toContain('van de waarnemer')
    expect(waarnemer.provider.wsconnected).toBe(true)
  })

  it('a socket without a token is closed with the named close code Unauthorized (4401)', async () => {
    const id = await createSession()
    const anonymous = connect(id, {})
    expect(await closedWith(anonymous.provider)).toBe(4401)
  })

  it('a socket with a wrong token is closed with 4401, and one for an unknown session with UnknownSession (4404)', async () => {
    const id = await createSession()
    const wrong = connect(id, { token: 'not-a-token' })
    expect(await closedWith(wrong.provider)).toBe(4401)
    const unknown = connect('noSuchSession123', { token: ADMIN_TOKEN })
    expect(await closedWith(unknown.provider)).toBe(4404)
  })
})
