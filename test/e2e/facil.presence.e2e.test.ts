/**
 * F14, F15 in real Chromium, one browser per person: the presence list names
 * everyone with their organisation; a name takes you to that person's
 * cursor; "Volgen" follows their view until you move the board yourself.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/app'
import { apiAsAdmin, openBoardAs, waitForBoard } from '../helpers/boardAccess'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'

const ADMIN_TOKEN = 'e2e-admin-token-facil-presence-0123456789'

const center = (page: Page) => page.evaluate(() => window.__brownpaper!.editor.getViewportPageBounds().center.toJson())

describe('presence, follow', () => {
  let dataDir: string
  let server: RunningServer
  let leader: TestBrowser
  let follower: TestBrowser

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-presence-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR, adminToken: ADMIN_TOKEN })
    leader = await launchBrowser()
    follower = await launchBrowser()
  })

  afterAll(async () => {
    await leader?.close()
    await follower?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('[F15] [F14] the presence list names people and organisations; a name goes to their cursor; following moves with them until one moves oneself', async () => {
    const res = await apiAsAdmin(server.url, ADMIN_TOKEN, '/api/sessions', { title: 'Volgen', themagroep: 'Bekostiging SO buiten het verpleeghuis' })
    const { id } = (await res.json()) as { id: string }
    const access = { baseUrl: server.url, adminToken: ADMIN_TOKEN, sessionId: id }
    const l = leader.page
    const f = follower.page
    await openBoardAs(l, { ...access, name: 'Lotte Leider', organisation: 'Verenso' })
    await openBoardAs(f, { ...access, name: 'Fons Volger', organisation: 'LHV' })
    await waitForBoard(l)
    await waitForBoard(f)

    // The leader's cursor rests far to the right, on the last sheet.
    const lastSheet = await l.evaluate(() => {
      const editor = window.__brownpaper!.editor
      const frames = editor.getCurrentPageShapes().filter((s) => s.type === 'frame')
      const b = editor.getShapePageBounds(frames[frames.length - 1]!)!
      editor.zoomToBounds(b, { animation: { duration: 0 } })
      return { x: b.x, y: b.y, w: b.w, h: b.h }
    })
    await l.mouse.move(640, 420)
    await l.mouse.move(650, 430)

    await f.click('.bp-present')
    const list = f.locator('[data-testid="presence-list"]')
    await expect.poll(() => list.innerText()).toContain('Lotte Leider · Verenso')
    expect(await list.innerText()).toContain('Fons Volger · LHV (jij)')
    await f.screenshot({ path: path.join(RESULTS, 'e2e-facil-presence-list.png') })
    const inside = (p: { x: number; y: number }) => p.x > lastSheet.x && p.x < lastSheet.x + lastSheet.w && p.y > lastSheet.y && p.y < lastSheet.y + lastSheet.h
    // Start the follower on the first sheet, whatever view it opened with, so
    // that going to the leader's cursor is a move the test can see.
    await f.evaluate(() => {
      const editor = window.__brownpaper!.editor
      const frames = editor.getCurrentPageShapes().filter((s) => s.type === 'frame')
      editor.zoomToBounds(editor.getShapePageBounds(frames[0]!)!, { animation: { duration: 0 } })
    })
    expect(inside(await center(f))).toBe(false)
    await f.click('[data-person="Lotte Leider"] .bp-link-button')
    await expect.poll(async () => inside(await center(f))).toBe(true)

    // Follow: the leader goes to the first sheet; the follower's view goes along.
    await f.click('.bp-present')
    await f.click('[data-follow="Lotte Leider"]')
    await expect.poll(() => f.locator('.bp-follow-banner').innerText()).toContain('Je volgt Lotte Leider')
    const firstSheet = await l.evaluate(() => {
      const editor = window.__brownpaper!.editor
      const frames = editor.getCurrentPageShapes().filter((s) => s.type === 'frame')
      const b = editor.getShapePageBounds(frames[0]!)!
      editor.zoomToBounds(b, { animation: { duration: 0 } })
      return { x: b.x, y: b.y, w: b.w, h: b.h }
    })
    const inFirst = (p: { x: number; y: number }) => p.x > firstSheet.x && p.x < firstSheet.x + firstSheet.w && p.y > firstSheet.y && p.y < firstSheet.y + firstSheet.h
    await expect.poll(async () => inFirst(await center(f)), { timeout: 10_000 }).toBe(true)

    // The follower pans the board: following stops, the leader's next move is not followed.
    await f.mouse.move(500, 400)
    await f.mouse.wheel(0, 600)
    await expect.poll(() => f.locator('.bp-follow-banner').count()).toBe(0)
    const parked = await center(f)
    await l.evaluate(() => {
      const editor = window.__brownpaper!.editor
      const frames = editor.getCurrentPageShapes().filter((s) => s.type === 'frame')
      editor.zoomToBounds(editor.getShapePageBounds(frames[frames.length - 1]!)!, { animation: { duration: 0 } })
    })
    // A later event that the follower does receive: the leader's cursor moves there too.
    await l.mouse.move(600, 400)
    await l.mouse.move(610, 410)
    const cursor = await l.evaluate(() => window.__brownpaper!.editor.inputs.currentPagePoint.toJson())
    await expect
      .poll(() => f.evaluate((p) => window.__brownpaper!.editor.getCollaborators().some((c) => c.cursor !== null && Math.abs(c.cursor.x - p.x) < 1 && Math.abs(c.cursor.y - p.y) < 1), cursor))
      .toBe(true)
    const now = await center(f)
    expect(Math.abs(now.x - parked.x) + Math.abs(now.y - parked.y)).toBeLessThan(1)
  })
})
