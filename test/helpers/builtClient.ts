/**
 * Where the e2e tests find the built client: dist/client (built by `npm test`),
 * or E2E_CLIENT_DIR for a build elsewhere (so a run need not rebuild dist/).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

export const REPO = path.resolve(import.meta.dirname, '../..')
export const RESULTS = path.join(REPO, 'test-results')
export const CLIENT_DIR = process.env.E2E_CLIENT_DIR ?? path.join(REPO, 'dist', 'client')

/** Fails with a clear message when the client has not been built. */
export function assertClientBuilt(): void {
  if (!existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    throw new Error(`${CLIENT_DIR}/index.html is missing: build the client first (npx vite build, or npm test, which builds).`)
  }
}
