/**
 * A readable board in real Chromium (SPEC M11, M12): a board of ten sheets
 * opens on its first sheet at a readable zoom, a small board shows all its
 * sheets; stickies are still edited by double-click and grow with their text
 * although their outline is computed without measuring it.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MIN_READABLE_ZOOM } from '../../client/board/initialView'
import { bigBoard } from '../../bench/verslagExport'
import { readBoard } from '../../shared/boardModel'
import { allRecords } from '../../shared/ydoc'
import { openBoardAs } from '../helpers/boardAccess'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { waitFor } from '../helpers/waitFor'

async function waitForNotes(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => (window.__brownpaper?.editor.getCurrentPageShapes() ?? []).filter((s) => s.type === 'note').length >= n, count, { timeout: 60_000 })
}

/** Page bounds of the viewport and of the first sheet (reading order), and the zoom. */
const view = (page: Page) =>
  page.evaluate(() => {
    const editor = window.__brownpaper!.editor
    const frames = editor
      .getCurrentPageShapes()
      .filter((s) => s.type === 'frame')
      .map((s) => editor.getShapePageBounds(s)!)
      .sort((a, b) => a.y - b.y || a.x - b.x)
    const v = editor.getViewportPageBounds()
    const inside = (b: { x: number; y: number; w: number; h: number }) => b.x >= v.x - 1 && b.y >= v.y - 1 && b.x + b.w <= v.x + v.w + 1 && b.y + b.h <= v.y + v.h + 1
    const first = frames[0]!
    // The first sheet's top edge, whole width, in view (a tall sheet continues below).
    const firstTopInside = first.x >= v.x - 1 && first.x + first.w <= v.x + v.w + 1 && first.y >= v.y - 1 && first.y < v.y + v.h
    return { zoom: editor.getZoomLevel(), firstTopInside, allInside: frames.every(inside), sheets: frames.length }
  })

describe('a readable board', () => {
  let server: TestServer
  let browser: TestBrowser
  let observer: YClient | null = null

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    server = await startTestServer({ clientDir: CLIENT_DIR })
    browser = await launchBrowser({ viewport: { width: 1400, height: 900 } })
  })

  afterAll(async () => {
    observer?.destroy()
    await browser?.close()
    await server?.close()
  })

  it('[M11][M16][M18] ten sheets of stickies open on the first sheet at a readable zoom, mounting only the notes seen', async () => {
    const { id } = await server.createSession({ title: 'Groot bord', sheets: [] })
    const writer = connectYClient(server.wsUrl, id)
    await writer.synced
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(bigBoard(300)))
    await waitFor(async () => (await server.api<string>('GET', `/api/sessions/${id}/verslag.md`)).body.includes('Sticky 299'), 'the board stored')
    writer.destroy()
    const p = browser.page
    await openBoardAs(p, { baseUrl: server.url, adminToken: TEST_ADMIN_TOKEN, sessionId: id, name: 'Dirk', organisation: 'Zorgkantoor' })
    await waitForNotes(p, 300)
    const opened = await view(p)
    expect(opened.sheets).toBe(10)
    expect(opened.zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM)
    expect(opened.firstTopInside).toBe(true)
    expect(opened.allInside).toBe(false)
    await p.screenshot({ path: path.join(RESULTS, 'e2e-readable-big.png') })

    // [M16][M18] Notes not yet seen are not mounted; the ones in view are drawn with their text and badge.
    const drawn = () =>
      p.evaluate(() => {
        const editor = window.__brownpaper!.editor
        const culled = editor.getCulledShapes()
        const notes = editor.getCurrentPageShapes().filter((s) => s.type === 'note')
        const inView = notes.filter((s) => !culled.has(s.id))
        const full = (id: string) => document.querySelector(`.tl-shape[data-shape-id="${id}"] .tl-rich-text`) !== null && document.querySelector(`.tl-shape[data-shape-id="${id}"] .bp-note-badge`) !== null
        const lastSheet = editor
          .getCurrentPageShapes()
          .filter((s) => s.type === 'frame')
          .sort((a, b) => b.y - a.y || b.x - a.x)[0]!
        return {
          inView: inView.length,
          inViewDrawn: inView.filter((s) => full(s.id)).length,
          // M18: a note never in view is not in the DOM at all.
          unmounted: notes.filter((s) => document.querySelector(`.tl-shape[data-shape-id="${s.id}"]`) === null).length,
          lastSheetMounted: notes.filter((s) => s.parentId === lastSheet.id && document.querySelector(`.tl-shape[data-shape-id="${s.id}"]`) !== null).length,
          lastSheet: lastSheet.id as string,
          lastSheetDrawn: notes.filter((s) => s.parentId === lastSheet.id && full(s.id)).length,
          lastSheetNotes: notes.filter((s) => s.parentId === lastSheet.id).length,
        }
      })
    const first = await drawn()
    expect(first.inView).toBeGreaterThan(0)
    await expect.poll(async () => (await drawn()).inViewDrawn).toBe(first.inView)
    expect(first.unmounted).toBeGreaterThanOrEqual(150)
    expect(first.lastSheetMounted).toBe(0)
    // Brought into view, the last sheet's notes are drawn in full.
    await p.evaluate((id) => {
      const editor = window.__brownpaper!.editor
      editor.zoomToBounds(editor.getShapePageBounds(id as never)!, { animation: { duration: 0 } })
    }, first.lastSheet)
    await expect.poll(async () => (await drawn()).lastSheetDrawn, { timeout: 15_000 }).toBe(first.lastSheetNotes)
    const after = await drawn()
    expect(after.lastSheetNotes).toBeGreaterThan(0)
    expect(after.unmounted).toBeLessThan(first.unmounted)
  })

  it('[M11][M12] a small board shows every sheet; a sticky is edited by double-click and grows with its text', async () => {
    const { id } = await server.createSession({ title: 'Klein bord', sheets: ['SO in the lead', 'Huisarts in the lead'] })
    await server.api('POST', `/api/sessions/${id}/stickies`, { text: 'Kort', tag: 'bevorderend', sheet: 'SO in the lead' })
    observer = connectYClient(server.wsUrl, id)
    await observer.synced
    const p = browser.page
    // The secretariaat edits any sticky (W5); a deelnemer only her own.
    await openBoardAs(p, { baseUrl: server.url, adminToken: TEST_ADMIN_TOKEN, sessionId: id, name: 'Dirk', organisation: 'Secretariaat', role: 'secretariaat' })
    await waitForNotes(p, 1)
    const opened = await view(p)
    expect(opened.allInside).toBe(true)
    expect(opened.zoom).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM)

    const note = await p.evaluate(() => {
      const editor = window.__brownpaper!.editor
      const shape = editor.getCurrentPageShapes().find((s) => s.type === 'note')!
      const b = editor.getShapePageBounds(shape)!
      const c = editor.pageToViewport({ x: b.x + b.w / 2, y: b.y + b.h / 2 })
      return { id: shape.id as string, x: c.x, y: c.y, h: b.h }
    })
    const canvas = await p.locator('.tl-container').boundingBox()
    await p.mouse.dblclick(canvas!.x + note.x, canvas!.y + note.y)
    await p.waitForFunction((id) => window.__brownpaper?.editor.getEditingShapeId() === id, note.id)
    // The note's text editor mounts and takes the focus a moment after editing starts: type only once it has it.
    await p.waitForFunction(() => document.activeElement instanceof HTMLElement && document.activeElement.isContentEditable)
    await p.keyboard.press('ControlOrMeta+a')
    await p.keyboard.type('Een lange tekst die de sticky laat groeien omdat hij over veel regels loopt en nog verder gaat dan dat, met nog meer woorden erbij')
    await p.keyboard.press('Escape')
    await waitFor(() => readBoard(allRecords(observer!.doc)).stickies.find((s) => s.text.startsWith('Een lange tekst')), 'the edited text on the server')
    const grown = await p.evaluate((id) => {
      const editor = window.__brownpaper!.editor
      const shape = editor.getCurrentPageShapes().find((s) => s.id === id)!
      return editor.getShapePageBounds(shape)!.h
    }, note.id)
    expect(grown).toBeGreaterThan(note.h)
    await p.screenshot({ path: path.join(RESULTS, 'e2e-readable-small.png') })
  })
})
