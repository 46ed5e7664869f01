/**
 * The live board end to end, in real Chromium with one browser process per
 * user, against the real server (SQLite in a temp DATA_DIR) started in-process.
 * Needs the built client: `npm test` runs `vite build` first.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/app'
import { apiAsAdmin, openBoardAs, waitForBoard } from '../helpers/boardAccess'
import { externalRequests, launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, RESULTS, CLIENT_DIR } from '../helpers/builtClient'

const TEXT = 'CIZ-indicatie duurt te lang'
const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef'

interface NoteView {
  text: string
  tag: unknown
  color: string
  author: unknown
}

/** The notes on a board, read through the editor the page exposes for tests. */
function readNotes(page: Page): Promise<NoteView[]> {
  return page.evaluate(() => {
    const editor = window.__brownpaper?.editor
    if (!editor) return []
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'note')
      .map((shape) => {
        const props = shape.props as { color: string; richText: unknown }
        return {
          text: JSON.stringify(props.richText),
          tag: shape.meta.tag,
          color: props.color,
          author: shape.meta.author,
        }
      })
  })
}

describe('the live board in two browsers', () => {
  let dataDir: string
  let server: RunningServer
  let a: TestBrowser
  let b: TestBrowser

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR, adminToken: ADMIN_TOKEN })
    // Separate browser processes, each with its own profile.
    a = await launchBrowser()
    b = await launchBrowser()
  })

  afterAll(async () => {
    await a?.close()
    await b?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('[S4][S11][P5] a sticky made and tagged belemmerend from the keyboard in A shows in B live with A\'s presence, survives a server restart, and nothing leaves localhost', async () => {
    const created = await apiAsAdmin(server.url, ADMIN_TOKEN, '/api/sessions', {
      title: 'Brownpapersessie e2e',
      themagroep: 'Bekostiging SO buiten het verpleeghuis',
      type: 'brownpapersessie',
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const boardUrl = `${server.url}/s/${id}`
    const access = { baseUrl: server.url, adminToken: ADMIN_TOKEN, sessionId: id }

    // A and B each open the board (through an invite link when the server asks for one) and say who they are.
    await openBoardAs(a.page, { ...access, name: 'Anna de Vries', organisation: 'ActiZ' })
    await waitForBoard(a.page)
    await openBoardAs(b.page, { ...access, name: 'Bram Bakker', organisation: 'LHV' })
    await waitForBoard(b.page)

    // A: "s" makes a sticky and starts editing it; type; Esc; Alt+2 retags it belemmerend (F21: a bare digit only picks the next tag).
    await a.page.keyboard.press('s')
    await a.page.waitForFunction(() => window.__brownpaper?.editor.getEditingShapeId() != null)
    // The note's text field mounts a moment after editing starts: type only once it has the focus.
    await a.page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.isContentEditable === true)
    await a.page.keyboard.type(TEXT)
    await a.page.keyboard.press('Escape')
    await a.page.keyboard.press('Alt+2')

    const inA = await readNotes(a.page)
    expect(inA).toHaveLength(1)
    expect(inA[0]).toMatchObject({ tag: 'belemmerend', color: 'red', author: { name: 'Anna de Vries', organisation: 'ActiZ' } })
    expect(inA[0]!.text).toContain(TEXT)

    // B sees text and tag live: in the editor and on screen (badge with the tag's word).
    await b.page.waitForFunction(
      (text) =>
        (window.__brownpaper?.editor.getCurrentPageShapes() ?? []).some(
          (s) => s.type === 'note' && s.meta.tag === 'belemmerend' && JSON.stringify(s.props).includes(text),
        ),
      TEXT,
      { timeout: 10_000 },
    )
    await expect.poll(() => b.page.locator('.tl-note__container').filter({ hasText: TEXT }).count()).toBe(1)
    await expect.poll(() => b.page.locator('.bp-note-badge[data-tag="belemmerend"]').count()).toBe(1)
    expect(await b.page.locator('[data-tag-count="belemmerend"]').textContent()).toBe('1')
    // Presence: B sees A by name (awareness), and both are counted.
    await expect.poll(() => b.page.evaluate(() => window.__brownpaper?.editor.getCollaborators().map((c) => c.userName))).toEqual(['Anna de Vries'])
    expect(await b.page.locator('[data-present]').getAttribute('data-present')).toBe('2')
    await a.page.screenshot({ path: path.join(RESULTS, 'e2e-board-A.png') })

    // Restart the server on the same DATA_DIR and port.
    const port = server.port
    await server.close()
    server = await startServer({ port, dataDir, clientDir: CLIENT_DIR, adminToken: ADMIN_TOKEN })

    // B forgets its own copy (IndexedDB) so that what it sees can only come from the server, then reloads.
    await b.page.goto(`${server.url}/`)
    const deleted = await b.page.evaluate(
      (name) =>
        new Promise<string>((resolve) => {
          const request = indexedDB.deleteDatabase(name)
          request.onsuccess = () => resolve('deleted')
          request.onerror = () => resolve('error')
          request.onblocked = () => resolve('blocked')
        }),
      `brownpaper:${id}`,
    )
    expect(deleted).toBe('deleted')
    await b.page.goto(boardUrl)
    await waitForBoard(b.page)
    await b.page.waitForFunction(
      (text) => (window.__brownpaper?.editor.getCurrentPageShapes() ?? []).some((s) => s.type === 'note' && JSON.stringify(s.props).includes(text)),
      TEXT,
      { timeout: 10_000 },
    )
    const inB = await readNotes(b.page)
    expect(inB).toHaveLength(1)
    expect(inB[0]).toMatchObject({ tag: 'belemmerend', color: 'red', author: { name: 'Anna de Vries', organisation: 'ActiZ' } })
    await expect.poll(() => b.page.locator('.bp-note-badge[data-tag="belemmerend"]').count()).toBe(1)
    await b.page.screenshot({ path: path.join(RESULTS, 'e2e-board-B-after-restart.png') })

    // Every request of both browsers stayed on this machine.
    expect(a.requests.length).toBeGreaterThan(0)
    expect(b.requests.length).toBeGreaterThan(0)
    expect(externalRequests([...a.requests, ...b.requests])).toEqual([])
  }, 120_000)
})
