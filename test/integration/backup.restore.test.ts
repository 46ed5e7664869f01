import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { spawnServer, type ServerProcess } from '../helpers/spawnServer'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

const ROOT = path.resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

/** Runs one of the npm CLI scripts as `npm run backup|restore -- <file>` does, against `dataDir`. */
async function cli(script: 'backup' | 'restore', file: string, dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, file], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}

async function api(server: ServerProcess, method: string, url: string, body?: unknown) {
  const res = await fetch(server.url + url, {
    method,
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

async function stickyTexts(server: ServerProcess, sessionId: string): Promise<string[]> {
  const res = await fetch(`${server.url}/api/sessions/${sessionId}/verslag.md`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })
  expect(res.status).toBe(200)
  const md = await res.text()
  return ['Voor de backup', 'Na de backup'].filter((text) => md.includes(text))
}

describe('backup and restore of the embedded store', () => {
  const servers: ServerProcess[] = []

  afterEach(async () => {
    for (const s of servers.splice(0)) {
      s.child.kill('SIGKILL')
      await s.exited
    }
    removeTempDirs()
  })

  it('[S50][S51] a backup taken while the server writes restores to exactly that state; a running store is not replaced; the replaced store is kept', async () => {
    const dataDir = tempDir()
    const backupFile = path.join(tempDir(), 'brownpaper-backup.sqlite')
    let server = await spawnServer({ DATA_DIR: dataDir })
    servers.push(server)
    const created = await api(server, 'POST', '/api/sessions', { title: 'Backup en herstel', themagroep: 'Groep A', date: '2026-12-01' })
    expect(created.status).toBe(201)
    const id = String(created.body.id)
    expect((await api(server, 'POST', `/api/sessions/${id}/stickies`, { text: 'Voor de backup', tag: 'bevorderend' })).status).toBe(201)

    const backup = await cli('backup', backupFile, dataDir)
    expect(backup.stderr).toBe('')
    expect(backup.code).toBe(0)
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600)
    // A second backup to the same name would overwrite the first: refused, the first is kept.
    const again = await cli('backup', backupFile, dataDir)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists/)

    expect((await api(server, 'POST', `/api/sessions/${id}/stickies`, { text: 'Na de backup', tag: 'belemmerend' })).status).toBe(201)
    expect(await stickyTexts(server, id)).toEqual(['Voor de backup', 'Na de backup'])

    const whileRunning = await cli('restore', backupFile, dataDir)
    expect(whileRunning.code).toBe(1)
    expect(whileRunning.stderr).toMatch(/stop the server/)

    server.child.kill('SIGTERM')
    await server.exited
    servers.splice(0)

    const restored = await cli('restore', backupFile, dataDir)
    expect(restored.stderr).toBe('')
    expect(restored.code).toBe(0)
    const kept = fs.readdirSync(dataDir).filter((f) => f.includes('before-restore'))
    expect(kept).toHaveLength(1)

    server = await spawnServer({ DATA_DIR: dataDir })
    servers.push(server)
    expect(await stickyTexts(server, id)).toEqual(['Voor de backup'])

    // The kept store still holds what came after the backup: restoring it brings that back.
    server.child.kill('SIGTERM')
    await server.exited
    servers.splice(0)
    expect((await cli('restore', path.join(dataDir, kept[0]!), dataDir)).code).toBe(0)
    server = await spawnServer({ DATA_DIR: dataDir })
    servers.push(server)
    expect(await stickyTexts(server, id)).toEqual(['Voor de backup', 'Na de backup'])
  })

  it('[S51] a file that is not a Brownpaper backup is refused and the store stays as it was', async () => {
    const dataDir = tempDir()
    const junk = path.join(tempDir(), 'junk.sqlite')
    fs.writeFileSync(junk, 'this is not a database')
    const server = await spawnServer({ DATA_DIR: dataDir })
    servers.push(server)
    const created = await api(server, 'POST', '/api/sessions', { title: 'Blijft staan', themagroep: 'Groep A' })
    server.child.kill('SIGTERM')
    await server.exited
    servers.splice(0)

    const refused = await cli('restore', junk, dataDir)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/not a SQLite database|not a readable SQLite database/)

    const after = await spawnServer({ DATA_DIR: dataDir })
    servers.push(after)
    expect((await api(after, 'GET', `/api/sessions/${String(created.body.id)}`)).body).toMatchObject({ title: 'Blijft staan' })
  })
})
