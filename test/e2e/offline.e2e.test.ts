/**
 * Offline edits: a sticky made while the server is down is kept in the
 * browser (IndexedDB), even when the page is closed, and reaches the server
 * and the other browsers once the board is open again.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/app'
import { apiAsAdmin, openBoardAs } from '../helpers/boardAccess'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, REPO, CLIENT_DIR } from '../helpers/builtClient'

const ADMIN_TOKEN = 'e2e-admin-token-offline-0123456789'
const TEXT = 'Gemaakt zonder verbinding'

const hasNote = (page: Page, text: string) =>
  page.waitForFunction(
    (t) => (window.__brownpaper?.editor.getCurrentPageShapes() ?? []).some((s) => s.type === 'note' && JSON.stringify(s.props).includes(t)),
    text,
    { timeout: 15_000 },
  )

describe('offline edits on the board', () => {
  let dataDir: string
  let server: RunningServer
  let a: TestBrowser
  let b: TestBrowser

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(path.join(REPO, 'test-results'), { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-offline-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR, adminToken: ADMIN_TOKEN })
    a = await launchBrowser()
    b = await launchBrowser()
  })

  afterAll(async () => {
    await a?.close()
    await b?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('a sticky made while the server is down survives closing the page and merges when the board is opened again', async () => {
    const created = await apiAsAdmin(server.url, ADMIN_TOKEN, '/api/sessions', { title: 'Offline sessie', themagroep: 'Wijkgerichte zorg' })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const access = { baseUrl: server.url, adminToken: ADMIN_TOKEN, sessionId: id }
    await openBoardAs(a.page, { ...access, name: 'Anna de Vries', organisation: 'ActiZ' })
    await a.page.waitForSelector('[data-status="verbonden"]', { timeout: 30_000 })

    const port = server.port
    await server.close()
    await a.page.waitForSelector('[data-status="opnieuw verbinden"], [data-status="offline"]', { timeout: 15_000 })

    await a.page.keyboard.press('4')
    await a.page.keyboard.press('s')
    await a.page.waitForFunction(() => window.__brownpaper?.editor.getEditingShapeId() != null)
    // The note's text field mounts a moment after editing starts: type only once it has the focus.
    await a.page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.isContentEditable === true)
    await a.page.keyboard.type(TEXT)
    await a.page.keyboard.press('Escape')
    await hasNote(a.page, TEXT)
    // Give y-indexeddb a moment to write, then close the page: the sticky now lives only in IndexedDB.
    await a.page.waitForTimeout(500)
    const boardUrl = a.page.url()
    await a.page.close()

    server = await startServer({ port, dataDir, clientDir: CLIENT_DIR, adminToken: ADMIN_TOKEN })
    const again = await a.context.newPage()
    await again.goto(boardUrl)
    await again.waitForSelector('[data-status="verbonden"]', { timeout: 30_000 })
    await hasNote(again, TEXT)

    await openBoardAs(b.page, { ...access, baseUrl: server.url, name: 'Bram Bakker', organisation: 'LHV' })
    await hasNote(b.page, TEXT)
    const tags = await b.page.evaluate(() =>
      (window.__brownpaper?.editor.getCurrentPageShapes() ?? []).filter((s) => s.type === 'note').map((s) => s.meta.tag),
    )
    expect(tags).toEqual(['conclusie'])
    await b.page.screenshot({ path: path.join(REPO, 'test-results', 'e2e-offline-B.png') })
  }, 120_000)
})
