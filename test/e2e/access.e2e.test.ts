/**
 * Access end to end, in real Chromium with one browser process per person:
 * the first coördinator is made from the setup link and logs in, creates a
 * session and copies invite links; a deelnemer joins from one and adds a
 * sticky; a waarnemer sees it live and cannot change anything — also not by
 * writing to the document behind the UI's back. Needs the built client.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { allRecords } from '../../shared/ydoc'
import { startServer, type RunningServer } from '../../server/app'
import { externalRequests, launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, RESULTS, CLIENT_DIR } from '../helpers/builtClient'
import { waitForBoard } from '../helpers/boardAccess'

const PASSWORD = 'een lang wachtwoord'
const TEXT = 'Wachtlijst voor de specialist ouderengeneeskunde'
const THEMAGROEP = 'Bekostiging SO buiten het verpleeghuis'

function noteTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window.__brownpaper?.editor.getCurrentPageShapes() ?? []).filter((s) => s.type === 'note').map((s) => JSON.stringify(s.props)),
  )
}

/** Console messages about the Content Security Policy (P17): there must be none. */
function watchCsp(browser: TestBrowser): string[] {
  const violations: string[] = []
  browser.context.on('console', (message) => {
    if (/content security policy|refused to (load|execute|apply|connect|create)/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

describe('access in three browsers', () => {
  let dataDir: string
  let server: RunningServer
  let coordinator: TestBrowser
  let deelnemer: TestBrowser
  let waarnemer: TestBrowser
  const csp: string[][] = []

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-access-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR })
    coordinator = await launchBrowser()
    deelnemer = await launchBrowser({ viewport: { width: 1100, height: 760 } })
    waarnemer = await launchBrowser({ viewport: { width: 1100, height: 760 } })
    await coordinator.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    csp.push(watchCsp(coordinator), watchCsp(deelnemer), watchCsp(waarnemer))
  })

  afterAll(async () => {
    await coordinator?.close()
    await deelnemer?.close()
    await waarnemer?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('[P13][P10][P6][P17][W23] a coördinator logs in, creates a session and copies invite links; a deelnemer joins and adds a sticky; a waarnemer sees it live and cannot change anything; the deelnemer link turned waarnemer makes the open board read-only', async () => {
    // The first coördinator, from the one-time setup link; then a clean login.
    const setupToken = await server.access.issueSetupToken()
    const c = coordinator.page
    await c.goto(`${server.url}/setup?token=${setupToken}`)
    await c.fill('input[name=name]', 'Anna de Vries')
    await c.fill('input[name=email]', 'anna@themagroep.nl')
    await c.fill('input[name=password]', PASSWORD)
    await c.screenshot({ path: path.join(RESULTS, 'e2e-access-setup.png') })
    await c.click('button[type=submit]')
    await c.waitForSelector('.bp-account')
    await c.click('.bp-account button')
    await c.waitForSelector('input[name=password]')
    await c.fill('input[name=email]', 'anna@themagroep.nl')
    await c.fill('input[name=password]', PASSWORD)
    await c.screenshot({ path: path.join(RESULTS, 'e2e-access-login.png') })
    await c.click('button[type=submit]')
    await c.waitForSelector('.bp-account')

    // A new session in a new themagroep; the board opens.
    await c.fill('input[name=title]', 'Brownpapersessie toegang')
    await c.fill('input[name=themagroep]', THEMAGROEP)
    await c.click('.bp-start__create button[type=submit]')
    await c.waitForURL(/\/s\/[A-Za-z0-9_-]+$/)
    const sessionId = new URL(c.url()).pathname.split('/').pop()!
    await waitForBoard(c)

    // "Uitnodigen": a deelnemer link, copied; and a waarnemer link.
    await c.click('button.bp-invite-button')
    await c.click('[data-role="deelnemer"] button')
    const deelnemerUrl = await c.locator('[data-role="deelnemer"] input').inputValue()
    expect(deelnemerUrl).toMatch(new RegExp(`^${server.url}/join/[A-Za-z0-9_-]{43}$`))
    await expect.poll(() => c.evaluate(() => navigator.clipboard.readText())).toBe(deelnemerUrl)
    await c.click('[data-role="waarnemer"] button')
    const waarnemerUrl = await c.locator('[data-role="waarnemer"] input').inputValue()
    expect(waarnemerUrl).not.toBe(deelnemerUrl)
    await expect.poll(() => c.locator('.bp-invite__list li').count()).toBe(2)
    await c.screenshot({ path: path.join(RESULTS, 'e2e-access-invite.png') })
    await c.keyboard.press('Escape')

    // The deelnemer opens the link in another browser, says who they are, adds a sticky.
    const d = deelnemer.page
    await d.goto(deelnemerUrl)
    await d.waitForSelector('input[name=organisation]')
    await d.fill('input[name=name]', 'Bram Bakker')
    await d.fill('input[name=organisation]', 'Zorggroep Noord')
    await d.screenshot({ path: path.join(RESULTS, 'e2e-access-join.png') })
    await d.click('button[type=submit]')
    await d.waitForURL(`${server.url}/s/${sessionId}`)
    await waitForBoard(d)
    await d.keyboard.press('s')
    await d.waitForFunction(() => window.__brownpaper?.editor.getEditingShapeId() != null)
    // The note's text field mounts a moment after editing starts: type only once it has the focus.
    await d.waitForFunction(() => (document.activeElement as HTMLElement | null)?.isContentEditable === true)
    await d.keyboard.type(TEXT)
    await d.keyboard.press('Escape')
    await d.keyboard.press('Alt+1')

    // The waarnemer joins too and sees the sticky live, read-only.
    const w = waarnemer.page
    await w.goto(waarnemerUrl)
    await w.waitForSelector('input[name=organisation]')
    await w.fill('input[name=name]', 'Wil Jansen')
    await w.fill('input[name=organisation]', 'Ministerie van VWS')
    await w.click('button[type=submit]')
    await w.waitForURL(`${server.url}/s/${sessionId}`)
    await waitForBoard(w)
    await w.waitForFunction((text) => (window.__brownpaper?.editor.getCurrentPageShapes() ?? []).some((s) => s.type === 'note' && JSON.stringify(s.props).includes(text)), TEXT, {
      timeout: 10_000,
    })
    await w.waitForSelector('[data-testid="read-only"]')
    expect(await w.evaluate(() => window.__brownpaper?.editor.getIsReadonly())).toBe(true)
    expect(await w.locator('button.bp-invite-button').count()).toBe(0)
    expect(await w.locator('.bp-tagbar__new').count(), 'no "Nieuwe sticky" for a waarnemer').toBe(0)
    const sticky = (await noteTexts(w)).find((t) => t.includes(TEXT))!
    expect(sticky).toBeTruthy()

    const serverDoc = () => {
      const doc = server.rooms.get(sessionId)?.doc
      return doc ? readBoard(allRecords(doc)) : null
    }
    await expect.poll(() => serverDoc()?.stickies.map((s) => s.text)).toEqual([TEXT])
    const before = serverDoc()!
    expect(before.stickies[0]).toMatchObject({ tag: 'bevorderend', meta: { author: { name: 'Bram Bakker', organisation: 'Zorggroep Noord' } } })
    const storedBefore = (await server.storage.docs.load(sessionId)).lastSeq

    await w.screenshot({ path: path.join(RESULTS, 'e2e-access-waarnemer.png') })

    // The waarnemer tries through the UI (new sticky, delete all) …
    await w.locator('.tl-canvas').click({ position: { x: 500, y: 400 } })
    await w.keyboard.press('s')
    await w.keyboard.type('Ik mag niets schrijven')
    await w.keyboard.press('Escape')
    await w.keyboard.press('Control+a')
    await w.keyboard.press('Delete')
    // … and behind the UI's back, straight into the Yjs document.
    await w.evaluate(() => {
      const doc = window.__brownpaper!.doc
      doc.getMap('session').set('title', 'Overschreven door de waarnemer')
      const records = doc.getArray<{ key: string }>('tldraw')
      doc.transact(() => records.delete(0, records.length))
    })
    // Frames of one socket are handled in order: once the waarnemer's later
    // presence (a cursor move) reached the deelnemer, its edits were handled.
    await w.mouse.move(300, 300)
    await w.mouse.move(320, 330)
    await d.waitForFunction(() => (window.__brownpaper?.editor.getCollaborators() ?? []).some((c) => c.userName === 'Wil Jansen' && c.cursor !== null), null, {
      timeout: 10_000,
    })

    // The waarnemer's own copy did change (so the edits were made and sent) …
    expect(await w.evaluate(() => window.__brownpaper!.doc.getArray('tldraw').length)).toBe(0)
    // … but the server refused them: its document, its log and the deelnemer's board are unchanged.
    expect(serverDoc()).toEqual(before)
    expect((await server.storage.docs.load(sessionId)).lastSeq).toBe(storedBefore)
    expect(server.rooms.get(sessionId)?.doc.getMap('session').get('title')).toBe('Brownpapersessie toegang')
    expect((await noteTexts(d)).filter((t) => t.includes(TEXT))).toHaveLength(1)
    expect((await noteTexts(d)).some((t) => t.includes('Ik mag niets schrijven'))).toBe(false)

    // W23: the coördinator turns the deelnemer link into a waarnemer link; Bram's open board follows at once.
    expect(await d.evaluate(() => window.__brownpaper?.editor.getIsReadonly())).toBe(false)
    await c.click('button.bp-invite-button')
    await c.selectOption('.bp-invite__list li[data-invite-role="deelnemer"] select', 'waarnemer')
    await expect.poll(() => c.locator('.bp-invite__list li[data-invite-role="waarnemer"]').count()).toBe(2)
    await c.keyboard.press('Escape')
    await d.waitForSelector('[data-testid="read-only"]', { timeout: 15_000 })
    await waitForBoard(d)
    expect(await d.evaluate(() => window.__brownpaper?.editor.getIsReadonly())).toBe(true)
    expect(await d.locator('.bp-tagbar__new').count(), 'no "Nieuwe sticky" once a waarnemer').toBe(0)
    await d.screenshot({ path: path.join(RESULTS, 'e2e-access-role-changed.png') })

    // The coördinator's audit log shows who did what.
    await c.goto(`${server.url}/audit`)
    await c.waitForSelector('.bp-audit__table')
    for (const action of ['setup', 'login', 'session.create', 'invite.create', 'join', 'invite.role']) {
      expect(await c.locator(`tr[data-action="${action}"]`).count(), action).toBeGreaterThan(0)
    }
    await c.screenshot({ path: path.join(RESULTS, 'e2e-access-audit.png') })

    // The CSP allowed everything the client and tldraw need, and nothing left the machine.
    expect(csp.flat()).toEqual([])
    expect(externalRequests([...coordinator.requests, ...deelnemer.requests, ...waarnemer.requests])).toEqual([])
  }, 150_000)
})
