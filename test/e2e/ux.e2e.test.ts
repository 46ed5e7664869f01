/**
 * What a user stumbles on, end to end in real Chromium: a sticky made by
 * mistake and left empty, which tag the new-sticky button gives on a phone,
 * a PDF chosen in the import dialog, and server errors read in the UI's
 * language instead of the server's "Dutch (English)" wording.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/app'
import { apiAsAdmin, openBoardAs, waitForBoard } from '../helpers/boardAccess'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'

const ADMIN_TOKEN = 'e2e-ux-admin-token-0123456789abcdef'
const PASSWORD = 'correct horse battery staple'

const noteCount = (page: Page) =>
  page.evaluate(() => (window.__brownpaper?.editor.getCurrentPageShapes() ?? []).filter((s) => s.type === 'note').length)

describe('rough edges a user would stumble on', () => {
  let dataDir: string
  let server: RunningServer
  let phone: TestBrowser
  let laptop: TestBrowser

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-ux-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR, adminToken: ADMIN_TOKEN })
    phone = await launchBrowser({ viewport: { width: 390, height: 844 } })
    laptop = await launchBrowser({ viewport: { width: 1400, height: 900 }, localStorage: { 'brownpaper.language': 'en' } })
  })

  afterAll(async () => {
    await phone?.close()
    await laptop?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('on a phone the new-sticky button names the tag it gives; a sticky left empty is removed, one with text stays', async () => {
    const created = await apiAsAdmin(server.url, ADMIN_TOKEN, '/api/sessions', { title: 'UX telefoon', themagroep: 'Bekostiging SO buiten het verpleeghuis', type: 'brownpapersessie' })
    const { id } = (await created.json()) as { id: string }
    const p = phone.page
    await openBoardAs(p, { baseUrl: server.url, adminToken: ADMIN_TOKEN, sessionId: id, name: 'Bram', organisation: 'Zorggroep Noord' })
    await waitForBoard(p)

    // tldraw's note tool is not called "Opmerking" (our tag for an untagged sticky) but "Sticky".
    // tldraw names its tools in aria-label (there is no title): read it, whether or not the phone shows the tool.
    // tldraw loads its Dutch words after its first render (English until then): wait for them.
    await expect.poll(() => p.locator('[data-testid="tools.frame"]').getAttribute('aria-label')).toMatch(/^Vel/)
    expect(await p.locator('[data-testid="tools.note"]').getAttribute('aria-label')).toMatch(/^Sticky/)
    expect(await p.locator('[aria-label^="Opmerking"][data-testid^="tools."]').count()).toBe(0)

    await p.click('button[data-tag="belemmerend"]')
    const button = p.locator('.bp-tagbar__new')
    await expect.poll(() => button.locator('[data-new-tag]').getAttribute('data-new-tag')).toBe('belemmerend')
    expect(await button.locator('.bp-tagbar__newlabel').isVisible(), 'the tag is named on a phone').toBe(true)
    expect(await button.innerText()).toContain('Belemmerend')

    // A mistaken tap: editing starts, nothing is typed, the user taps away.
    const before = await noteCount(p)
    await button.click()
    await p.waitForFunction(() => window.__brownpaper?.editor.getEditingShapeId() != null)
    expect(await noteCount(p)).toBe(before + 1)
    await p.keyboard.press('Escape')
    await expect.poll(() => noteCount(p)).toBe(before)

    await button.click()
    await p.waitForFunction(() => window.__brownpaper?.editor.getEditingShapeId() != null)
    // Zoomed out to see the sheets, the phone zooms in on the new sticky so the text typed is readable.
    expect(await p.evaluate(() => window.__brownpaper?.editor.getZoomLevel() ?? 0)).toBeGreaterThanOrEqual(0.75)
    await p.keyboard.type('Wachtlijst CIZ te lang')
    await p.keyboard.press('Escape')
    await p.waitForFunction(() => window.__brownpaper?.editor.getEditingShapeId() == null)
    const tags = await p.evaluate(() => (window.__brownpaper?.editor.getCurrentPageShapes() ?? []).filter((s) => s.type === 'note').map((s) => s.meta.tag))
    expect(tags).toEqual(['belemmerend'])
    await p.screenshot({ path: path.join(RESULTS, 'e2e-ux-phone.png') })

    // F21: a digit pressed right after writing only picks the next tag; the sticky still selected keeps its own.
    await p.keyboard.press('1')
    await expect.poll(() => p.locator('.bp-tagbar__new [data-new-tag]').getAttribute('data-new-tag')).toBe('bevorderend')
    expect(await p.evaluate(() => (window.__brownpaper?.editor.getCurrentPageShapes() ?? []).filter((s) => s.type === 'note').map((s) => s.meta.tag))).toEqual(['belemmerend'])
    // Retagging is explicit (Alt+digit): a notice says so, Ctrl+Z undoes it.
    await p.keyboard.press('Alt+1')
    const notice = p.locator('.bp-retag-notice')
    await expect.poll(() => notice.innerText()).toContain('Bevorderend')
    // The notice came after leaving the text: had the written sticky been removed as empty, it would be gone by now.
    expect(await noteCount(p)).toBe(before + 1)
    expect(await notice.innerText()).toContain('Ctrl+Z')
    await p.keyboard.press('Control+z')
    await expect
      .poll(() => p.evaluate(() => (window.__brownpaper?.editor.getCurrentPageShapes() ?? []).filter((s) => s.type === 'note').map((s) => s.meta.tag)))
      .toEqual(['belemmerend'])
    await expect.poll(() => notice.innerText(), { timeout: 6_000 }).toBe('')

    // tldraw's menu has no second language switch (nor "Insert embed", a third-party page on every board).
    await p.click('[data-testid="main-menu.button"]')
    const menu = p.locator('.tlui-menu')
    await menu.first().waitFor()
    const items = await menu.first().innerText()
    expect(items).toContain('Voorkeuren')
    expect(items).not.toMatch(/Taal|Language|Embed/i)
    await p.keyboard.press('Escape')

    // The start page on the same phone: the header wraps, nothing pushes the page sideways.
    await p.goto(`${server.url}/`)
    await p.waitForSelector('.bp-account')
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(await p.locator('.bp-language').isVisible()).toBe(true)
    const box = await p.locator('.bp-account button').boundingBox()
    expect(box && box.x + box.width).toBeLessThanOrEqual(390)
  })

  it('in English, a wrong password and a bad invite link read in English, and the import dialog refuses a PDF before uploading', async () => {
    const l = laptop.page
    const setupToken = await server.access.issueSetupToken()
    await l.goto(`${server.url}/setup?token=${setupToken}`)
    await l.fill('input[name=name]', 'Anna de Vries')
    await l.fill('input[name=email]', 'anna@themagroep.nl')
    await l.fill('input[name=password]', PASSWORD)
    await l.click('button[type=submit]')
    await l.waitForSelector('.bp-account')
    await l.click('.bp-account button')
    await l.waitForSelector('input[name=password]')
    await l.fill('input[name=email]', 'anna@themagroep.nl')
    await l.fill('input[name=password]', 'not the password at all')
    await l.click('button[type=submit]')
    const alert = l.locator('.bp-error')
    await alert.waitFor()
    const loginError = await alert.innerText()
    expect(loginError).toContain('Email address or password is incorrect.')
    expect(loginError).not.toMatch(/wachtwoord|klopt/i)

    await l.fill('input[name=password]', PASSWORD)
    await l.click('button[type=submit]')
    await l.waitForSelector('.bp-account')

    // Import: a PDF is refused in the dialog, with what to do instead; nothing is created.
    const sessionsBefore = ((await (await fetch(`${server.url}/api/sessions`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as unknown[]).length
    await l.click('.bp-start__create button:has-text("Import")')
    await l.click('.bp-import__tabs button:nth-child(2)')
    const pdf = path.join(dataDir, 'verslag.pdf')
    writeFileSync(pdf, '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n')
    await l.setInputFiles('input[type=file]', pdf)
    const refused = await l.locator('.bp-import__card .bp-error').innerText()
    expect(refused).toContain('verslag.pdf cannot be read')
    expect(await l.locator('.bp-import__actions button[type=submit]').isDisabled()).toBe(true)
    await l.screenshot({ path: path.join(RESULTS, 'e2e-ux-import-pdf.png') })
    const sessionsAfter = ((await (await fetch(`${server.url}/api/sessions`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as unknown[]).length
    expect(sessionsAfter).toBe(sessionsBefore)
    await l.keyboard.press('Escape')

    // A bad invite link: English text and a way back.
    await l.goto(`${server.url}/join/${'x'.repeat(43)}`)
    await l.locator('.bp-error').waitFor()
    expect(await l.locator('.bp-error').innerText()).toContain('This invite link is invalid, expired or revoked.')
    expect(await l.locator('.bp-join a[href="/"]').count()).toBe(1)
  })
})
