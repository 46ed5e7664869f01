/**
 * The production build (SPEC X13, X14): `npm start` runs dist/server/main.js
 * with plain Node — no TypeScript loader — and it serves the API, the built
 * client and the websocket, and loads the export libraries when first asked.
 * Needs `npm run build` first (as every e2e test).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { spawnServer, type ServerProcess } from '../helpers/spawnServer'
import { removeTempDirs, tempDir } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

const ROOT = path.resolve(import.meta.dirname, '../..')

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }

describe('production build', () => {
  const processes: ServerProcess[] = []
  const clients: YClient[] = []

  /** Creates a session on the built server and joins two synced clients to it. */
  async function sessionWithTwoClients(server: ServerProcess, body: Record<string, string>): Promise<{ id: string; a: YClient; b: YClient }> {
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const a = connectYClient(server.wsUrl, id)
    const b = connectYClient(server.wsUrl, id)
    clients.push(a, b)
    await Promise.all([a.synced, b.synced])
    return { id, a, b }
  }

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const p of processes.splice(0)) {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGKILL')
        await p.exited
      }
    }
    removeTempDirs()
  })

  it('[X13] [X14] npm start runs the server built to JavaScript: API, client, websocket and a .docx export work, and SIGTERM stops it cleanly', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts.start).toMatch(/^node .*dist\/server\/main\.js$/)
    expect(pkg.scripts.start).not.toMatch(/tsx/)
    expect(fs.existsSync(path.join(ROOT, 'dist/server/main.js')), 'run `npm run build` first').toBe(true)

    const server = await spawnServer({ DATA_DIR: tempDir(), BROWNPAPER_ADMIN_TOKEN: TEST_ADMIN_TOKEN }, { entry: 'build' })
    processes.push(server)
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: 'ok' })
    const page = await fetch(`${server.url}/`)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(await page.text()).toMatch(/<html lang="nl">/)

    const { id, a, b } = await sessionWithTwoClients(server, { title: 'Gebouwd', themagroep: 'Productie' })
    a.doc.getMap('m').set('k', 'uit de build')
    await waitFor(() => b.doc.getMap('m').get('k') === 'uit de build', 'a → b through the built server')

    // docx is loaded on first use, from a chunk of the build (X14).
    const docx = await fetch(`${server.url}/api/sessions/${id}/verslag.docx`, { headers: auth })
    expect(docx.status).toBe(200)
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK')

    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
  })

  it('[X18] the built server makes no Intl collator or date format while it starts and relays a board; the first CSV with a time makes one', async () => {
    const probe = path.join(ROOT, 'test/helpers/intlProbe.mjs')
    const server = await spawnServer(
      { DATA_DIR: tempDir(), BROWNPAPER_ADMIN_TOKEN: TEST_ADMIN_TOKEN, NODE_OPTIONS: `--import=${probe}` },
      { entry: 'build' },
    )
    processes.push(server)
    const made = () => server.output().stderr.match(/^INTL \w+$/gm) ?? []

    const { a, b } = await sessionWithTwoClients(server, { title: 'Zonder ICU', themagroep: 'Productie', date: '2026-12-02' })
    for (let i = 0; i < 20; i++) a.doc.getMap('m').set(`k${i}`, i)
    a.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    await waitFor(() => b.doc.getMap('m').size === 20, 'a → b')
    expect((await fetch(`${server.url}/api/sessions`, { headers: auth })).status).toBe(200)
    expect(made()).toEqual([])

    // The probe sees what it should: the audit log's CSV writes times in Europe/Amsterdam.
    const csv = await fetch(`${server.url}/api/audit.csv`, { headers: auth })
    expect(csv.status).toBe(200)
    expect(await csv.text()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    expect(made()).toContain('INTL DateTimeFormat')
  })
})
