/**
 * A real server on port 0 for integration tests: SQLite in a temp DATA_DIR
 * unless `storage` is given. `restart()` closes it and starts a new one on the
 * same data. It runs with the admin token TEST_ADMIN_TOKEN (P3), which `api`
 * sends unless the headers carry their own `authorization` ('' for none).
 */
import type { SessionSummary } from '../../shared/api'
import { startServer, type RunningServer, type ServerOptions } from '../../server/app'
import { TEST_ADMIN_TOKEN } from './adminToken'
import { tempDir } from './tempDir'

export interface TestServer extends RunningServer {
  dataDir: string
  wsUrl: string
  options: Partial<ServerOptions>
  /** JSON request against the API; returns status and parsed body. */
  api<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>
  /** POST /api/sessions with sensible defaults. */
  createSession(body?: Record<string, unknown>): Promise<SessionSummary>
}

export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir()
  const server = await startServer({ port: 0, idleUnloadMs: 60_000, adminToken: TEST_ADMIN_TOKEN, ...options, dataDir })
  const hasAuthorization = (headers: Record<string, string>) => Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')
  const api: TestServer['api'] = async (method, path, body, headers = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(hasAuthorization(headers) ? {} : { authorization: `Bearer ${options.adminToken ?? TEST_ADMIN_TOKEN}` }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as never }
  }
  return {
    ...server,
    dataDir,
    wsUrl: `ws://localhost:${server.port}/yjs`,
    options: { adminToken: TEST_ADMIN_TOKEN, ...options, dataDir },
    api,
    async createSession(body = {}) {
      const res = await api<SessionSummary>('POST', '/api/sessions', {
        title: 'Brownpapersessie bekostiging',
        themagroep: 'Bekostiging SO buiten het verpleeghuis',
        date: '2026-06-22',
        place: 'Barneveld',
        ...body,
      })
      if (res.status !== 201) throw new Error(`createSession: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body
    },
  }
}

/** Closes `server` and starts a new one on the same DATA_DIR and options. */
export async function restartTestServer(server: TestServer): Promise<TestServer> {
  await server.close()
  return startTestServer(server.options)
}
