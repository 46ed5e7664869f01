/**
 * History end to end (SPEC H3, H6, P21), in real Chromium with one browser
 * per person: a coördinator wipes the board (select all + delete), opens
 * "Geschiedenis", previews the version taken just before the wipe and
 * restores it after confirming; the deelnemer's board in another browser
 * shows the stickies again. Needs the built client.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/app'
import { externalRequests, launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'
import { waitForBoard } from '../helpers/boardAccess'

const ADMIN = 'history-e2e-admin-token-0123456789'
const PASSWORD = 'een lang en sterk wachtwoord 2026'
const THEMAGROEP = 'Bekostiging SO buiten het verpleeghuis'
const TEXTS = ['Korte lijnen met de huisarts', 'Geen bekostiging buiten het verpleeghuis', 'Gedeeld dossier', 'Wachtlijst SO', 'Regionale afspraken', 'Mantelzorg ontlasten']

function noteCount(page: Page): Promise<number> {
  return page.evaluate(() => (window.__brownpaper?.editor.getCurrentPageShapes() ?? []).filter((s) => s.type === 'note').length)
}

/** Console messages about the Content Security Policy (P17: connect-src 'self' only): there must be none. */
function watchCsp(browser: TestBrowser): string[] {
  const violations: string[] = []
  browser.context.on('console', (message) => {
    if (/content security policy|refused to (load|execute|apply|connect|create)/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

async function api<T>(server: RunningServer, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

describe('history in two browsers', () => {
  let dataDir: string
  let server: RunningServer
  let coordinator: TestBrowser
  let deelnemer: TestBrowser
  const csp: string[][] = []

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-history-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR, adminToken: ADMIN })
    await server.access.addUser({ email: 'anna@themagroep.nl', name: 'Anna de Vries', role: 'coordinator', password: PASSWORD, themagroepen: [THEMAGROEP] })
    coordinator = await launchBrowser()
    deelnemer = await launchBrowser({ viewport: { width: 1100, height: 760 } })
    csp.push(watchCsp(coordinator), watchCsp(deelnemer))
  })

  afterAll(async () => {
    await coordinator?.close()
    await deelnemer?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('[H3][H6][P21][P17] a coördinator wipes the board, restores the version from before the wipe on the history page, and the deelnemer sees the stickies again (no history for the deelnemer)', async () => {
    const session = await api<{ id: string }>(server, 'POST', '/api/sessions', { title: 'Brownpapersessie geschiedenis', themagroep: THEMAGROEP })
    for (const [i, text] of TEXTS.entries()) {
      await api(server, 'POST', `/api/sessions/${session.id}/stickies`, { text, tag: i % 2 ? 'belemmerend' : 'bevorderend', sheet: 'Samenwerking' })
    }
    const invite = await api<{ url: string }>(server, 'POST', `/api/sessions/${session.id}/invites`, { role: 'deelnemer' })

    // The coördinator signs in and opens the board.
    const c = coordinator.page
    await c.goto(server.url)
    await c.waitForSelector('input[name=password]')
    await c.fill('input[name=email]', 'anna@themagroep.nl')
    await c.fill('input[name=password]', PASSWORD)
    await c.click('button[type=submit]')
    await c.waitForSelector('.bp-account')
    await c.goto(`${server.url}/s/${session.id}`)
    await waitForBoard(c)
    await expect.poll(() => noteCount(c), { timeout: 10_000 }).toBe(TEXTS.length)

    // The deelnemer joins from the invite in another browser and sees the stickies.
    const d = deelnemer.page
    await d.goto(invite.url.replace(/^https?:\/\/[^/]+/, server.url))
    await d.waitForSelector('input[name=organisation]')
    await d.fill('input[name=name]', 'Bram Bakker')
    await d.fill('input[name=organisation]', 'Zorggroep Noord')
    await d.click('button[type=submit]')
    await d.waitForURL(`${server.url}/s/${session.id}`)
    await waitForBoard(d)
    await expect.poll(() => noteCount(d), { timeout: 10_000 }).toBe(TEXTS.length)

    // Select all + delete on the coördinator's board: gone for the deelnemer too.
    await c.locator('.tl-canvas').click({ position: { x: 600, y: 500 } })
    await c.keyboard.press('Control+a')
    await c.keyboard.press('Delete')
    await expect.poll(() => noteCount(d), { timeout: 10_000 }).toBe(0)

    // "Geschiedenis" in the board's header: the version taken just before the wipe.
    await c.click('a.bp-history-link')
    await c.waitForURL(`${server.url}/s/${session.id}/geschiedenis`)
    const item = c.locator('li[data-kind="before-delete"]').first()
    await item.waitFor({ timeout: 10_000 })
    expect(await item.textContent()).toContain('Anna de Vries')
    expect(await item.textContent()).toContain(`${TEXTS.length} stickies`)
    // Keyboard: focus the version and choose it with Enter.
    await item.locator('button').focus()
    await c.keyboard.press('Enter')
    await expect.poll(() => item.locator('button').getAttribute('aria-pressed')).toBe('true')
    const preview = c.getByTestId('history-preview')
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain(TEXTS[0])
    for (const text of TEXTS) expect(await preview.textContent()).toContain(text)
    await c.screenshot({ path: path.join(RESULTS, 'e2e-history-page.png'), fullPage: true })

    // Restore, after a confirmation that starts on "Annuleren" (Escape cancels).
    await c.getByRole('button', { name: 'Deze versie terugzetten' }).click()
    const dialog = c.getByRole('alertdialog')
    await dialog.waitFor()
    expect(await c.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren')
    await c.screenshot({ path: path.join(RESULTS, 'e2e-history-confirm.png') })
    await c.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await noteCount(d)).toBe(0)
    await c.getByRole('button', { name: 'Deze versie terugzetten' }).click()
    await c.getByRole('button', { name: 'Ja, terugzetten' }).click()
    await c.getByRole('status').filter({ hasText: 'Het bord staat weer op de stand van versie' }).waitFor()

    // The deelnemer's open board shows every sticky again, without a reload.
    await expect.poll(() => noteCount(d), { timeout: 10_000 }).toBe(TEXTS.length)
    const texts = await d.evaluate(() =>
      (window.__brownpaper?.editor.getCurrentPageShapes() ?? []).filter((s) => s.type === 'note').map((s) => JSON.stringify(s.props)),
    )
    for (const text of TEXTS) expect(texts.some((t) => t.includes(text)), text).toBe(true)
    await d.screenshot({ path: path.join(RESULTS, 'e2e-history-deelnemer.png') })

    // The list now starts with the version taken before the restore (to undo it).
    await expect.poll(() => c.locator('li[data-version]').first().getAttribute('data-kind')).toBe('before-restore')
    // Back on the board, the coördinator sees them too.
    await c.goto(`${server.url}/s/${session.id}`)
    await waitForBoard(c)
    await expect.poll(() => noteCount(c), { timeout: 10_000 }).toBe(TEXTS.length)

    // A deelnemer is offered no history, and the page itself says who may see it.
    expect(await d.locator('a.bp-history-link').count()).toBe(0)
    await d.goto(`${server.url}/s/${session.id}/geschiedenis`)
    await d.getByTestId('history-forbidden').waitFor()
    expect(await d.getByTestId('history-forbidden').textContent()).toContain('Alleen de themacoördinator en het secretariaat')

    expect(csp.flat()).toEqual([])
    expect(externalRequests([...coordinator.requests, ...deelnemer.requests])).toEqual([])
  }, 150_000)

  it('[P21][H2] the history page in English on a phone: an empty state for a board without versions, then readable sentences and a preview', async () => {
    const phone = await launchBrowser({ viewport: { width: 390, height: 844 }, localStorage: { 'brownpaper.language': 'en' } })
    try {
      const session = await api<{ id: string }>(server, 'POST', '/api/sessions', { title: 'Lege sessie', themagroep: THEMAGROEP })
      const p = phone.page
      await p.goto(server.url)
      await p.waitForSelector('input[name=password]')
      await p.fill('input[name=email]', 'anna@themagroep.nl')
      await p.fill('input[name=password]', PASSWORD)
      await p.click('button[type=submit]')
      await p.waitForSelector('.bp-account')
      await p.goto(`${server.url}/s/${session.id}/geschiedenis`)
      await p.getByTestId('history-empty').waitFor()
      expect(await p.getByTestId('history-empty').textContent()).toContain('No version has been saved yet')
      expect(await p.locator('h1').last().textContent()).toBe('History of the board')
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
      expect(overflow).toBe(false)
      await p.screenshot({ path: path.join(RESULTS, 'e2e-history-phone-en.png'), fullPage: true })

      // A board with a version: the sentence, the counts and the preview read in English on a phone too.
      await api(server, 'POST', `/api/sessions/${session.id}/stickies`, { text: 'Korte lijnen met de huisarts', tag: 'bevorderend', sheet: 'Samenwerking' })
      await api(server, 'PUT', `/api/sessions/${session.id}/facilitation`, { phase: 'clusteren' })
      await p.reload()
      const item = p.locator('li[data-kind="phase"]')
      await item.waitFor({ timeout: 10_000 })
      expect(await item.textContent()).toContain('At the change to the phase ‘Clustering’')
      expect(await item.textContent()).toContain('1 sticky, 5 sheets, 0 links')
      await expect.poll(() => p.getByTestId('history-preview').textContent(), { timeout: 10_000 }).toContain('Korte lijnen met de huisarts')
      expect(await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false)
      await p.screenshot({ path: path.join(RESULTS, 'e2e-history-phone-en-version.png'), fullPage: true })
    } finally {
      await phone.close()
    }
  }, 60_000)
})
