/**
 * S4 beyond kill -9: a killed process leaves its writes in the OS page cache,
 * so only an fsync protects an acknowledged update from a power loss. The
 * server runs under strace; the test reads, in syscall order, that the WAL
 * file was fsynced after the request arrived and before its 201 was written.
 * With `synchronous=OFF` (or NORMAL, which in WAL mode syncs only at
 * checkpoints) there is no such fsync and the test fails.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { spawnServer, type ServerProcess } from '../helpers/spawnServer'
import { removeTempDirs, tempDir } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

const headers = { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` }

describe('durability of an acknowledged write', () => {
  const processes: ServerProcess[] = []
  afterEach(async () => {
    for (const p of processes.splice(0)) {
      if (p.child.exitCode === null && p.child.signalCode === null && p.child.pid !== undefined) {
        // strace passes no signal on: stop the traced server, and strace ends with it.
        const children = fs.readFileSync(`/proc/${p.child.pid}/task/${p.child.pid}/children`, 'utf8').trim().split(/\s+/)
        for (const pid of children.filter(Boolean)) process.kill(Number(pid), 'SIGTERM')
        await p.exited
      }
    }
    removeTempDirs()
  })

  /** The server under strace; returns the trace's lines between the 200 of a marker request and the 201 of an API sticky. */
  async function traceOfOneSticky(): Promise<string[]> {
    const dataDir = tempDir()
    const trace = path.join(tempDir(), 'strace.txt')
    const server = await spawnServer(
      { DATA_DIR: dataDir },
      { wrap: ['strace', '-f', '-y', '-s', '48', '-e', 'trace=fsync,fdatasync,write,writev,pwrite64', '-e', 'signal=none', '-o', trace] },
    )
    processes.push(server)
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Stroomuitval', themagroep: 'Test' }),
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    // A marker response: everything synced for the session is before it.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    const sticky = await fetch(`${server.url}/api/sessions/${id}/stickies`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: 'Net voor de stroomuitval', tag: 'conclusie' }),
    })
    expect(sticky.status).toBe(201)

    return waitFor(() => {
      const all = fs.readFileSync(trace, 'utf8').split('\n')
      const health = all.findIndex((l) => l.includes('HTTP/1.1 200'))
      const answered = all.findIndex((l, i) => i > health && l.includes('HTTP/1.1 201'))
      return health >= 0 && answered > health ? all.slice(health + 1, answered + 1) : null
    }, 'the traced 201 of the sticky')
  }

  const isWalSync = (line: string) => /\b(fsync|fdatasync)\(\d+<[^>]*brownpaper\.sqlite-wal>\)/.test(line)
  const isWalWrite = (line: string) => /\b(pwrite64|write)\(\d+<[^>]*brownpaper\.sqlite-wal>/.test(line)
  /** strace -f prefixes each line with the thread id. */
  const threadOf = (line: string) => line.split(/\s+/, 1)[0]

  it('[S4][S1] the WAL is fsynced after an API sticky arrives and before its 201 is sent', async () => {
    const lines = await traceOfOneSticky()
    const lastWrite = lines.findLastIndex(isWalWrite)
    expect(lastWrite).toBeGreaterThanOrEqual(0)
    // Everything written to the WAL before the answer is on disk before it.
    expect(lines.slice(lastWrite + 1).some(isWalSync)).toBe(true)
  })

  it('[S59] the append\'s fsync runs on the thread pool, not on the thread that answers the request', async () => {
    const lines = await traceOfOneSticky()
    const answeredBy = threadOf(lines[lines.length - 1] ?? '')
    const lastWrite = lines.findLastIndex(isWalWrite)
    const syncsAfter = lines.slice(lastWrite + 1).filter(isWalSync)
    expect(syncsAfter.length).toBeGreaterThan(0)
    for (const sync of syncsAfter) expect(threadOf(sync)).not.toBe(answeredBy)
  })
})
