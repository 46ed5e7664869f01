/**
 * The list view end to end in real Chromium (SPEC M10, M9): reached from the
 * board, every sticky by sheet and tag, search, and text, tag, fields and
 * links edited without the canvas and with the keyboard; a stock
 * y-websocket client sees every edit. No tldraw is loaded for it.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { allRecords, recordsOf } from '../../shared/ydoc'
import { axeViolations } from '../helpers/axe'
import { openBoardAs } from '../helpers/boardAccess'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { waitFor } from '../helpers/waitFor'

const stickyOf = (client: YClient, text: string) => readBoard(allRecords(client.doc)).stickies.find((s) => s.text === text)

describe('the list view', () => {
  let server: TestServer
  let sessionId: string
  let browser: TestBrowser
  let observer: YClient

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    server = await startTestServer({ clientDir: CLIENT_DIR })
    sessionId = (await server.createSession({ title: 'Lijstsessie', sheets: ['SO in the lead', 'Huisarts in the lead'] })).id
    const add = (text: string, tag: string, sheet: string) => server.api('POST', `/api/sessions/${sessionId}/stickies`, { text, tag, sheet })
    await add('Korte lijnen met de huisarts', 'bevorderend', 'SO in the lead')
    await add('Wachtlijst CIZ', 'belemmerend', 'SO in the lead')
    await add('Meer regie bij de specialist ouderengeneeskunde', 'conclusie', 'SO in the lead')
    await add('Experimenteerruimte Wlz', 'regelruimte', 'Huisarts in the lead')
    await add('Coördinatie in de wijk', 'opmerking', 'Huisarts in the lead')
    observer = connectYClient(server.wsUrl, sessionId)
    await observer.synced
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } })
  })

  afterAll(async () => {
    observer?.destroy()
    await browser?.close()
    await server?.close()
  })

  it('[M10] a deelnemer sees every sticky but edits only her own there (W5), as on the board', async () => {
    const p = browser.page
    await openBoardAs(p, { baseUrl: server.url, adminToken: TEST_ADMIN_TOKEN, sessionId, name: 'Bea', organisation: 'Zorggroep' })
    await p.goto(`${server.url}/s/${sessionId}/lijst`)
    await p.locator('.bp-list__sticky').first().waitFor()
    expect(await p.locator('.bp-list__sticky').count()).toBe(5)
    expect(await p.locator('.bp-list__sticky textarea').evaluateAll((els) => els.every((el) => (el as HTMLTextAreaElement).readOnly))).toBe(true)
    expect(await p.locator('.bp-list__sticky select').evaluateAll((els) => els.every((el) => (el as HTMLSelectElement).disabled))).toBe(true)
  })

  it('[M10] is reached from the board and lists every sticky by sheet (reading order) and tag, without loading tldraw when opened directly', async () => {
    const p = browser.page
    await openBoardAs(p, { baseUrl: server.url, adminToken: TEST_ADMIN_TOKEN, sessionId, name: 'Carla', organisation: 'Secretariaat', role: 'secretariaat' })
    await p.click('.bp-views a[href$="/lijst"]')
    await p.waitForURL(`${server.url}/s/${sessionId}/lijst`)
    await p.locator('.bp-list__sticky').first().waitFor()
    expect(await p.locator('.bp-list__sheet > h2').allInnerTexts()).toEqual(['SO in the lead', 'Huisarts in the lead'])
    expect(await p.locator('.bp-list__sheet').first().locator('h3').allInnerTexts()).toEqual(['Bevorderend (1)', 'Belemmerend (1)', 'Conclusie (1)'])
    expect(await p.locator('.bp-list__sticky').count()).toBe(5)

    browser.requests.length = 0
    await p.goto(`${server.url}/s/${sessionId}/lijst`)
    await p.locator('.bp-list__sticky').first().waitFor()
    expect(browser.requests.filter((url) => /SessionPage|\.woff2?$/.test(url))).toEqual([])
    await p.screenshot({ path: path.join(RESULTS, 'e2e-list.png'), fullPage: true })
  })

  it('[M10] search finds by any word, case and accents ignored; the tag filter narrows; the count is announced', async () => {
    const p = browser.page
    await p.fill('.bp-list__search input[type=search]', 'coordinatie WIJK')
    await expect.poll(() => p.locator('.bp-list__sticky').count()).toBe(1)
    expect(await p.locator('.bp-list__count').innerText()).toBe('1 van 5 stickies')
    await p.fill('.bp-list__search input[type=search]', '')
    await p.selectOption('.bp-list__search select', 'belemmerend')
    await expect.poll(() => p.locator('.bp-list__sticky').count()).toBe(1)
    await p.selectOption('.bp-list__search select', '')
    await expect.poll(() => p.locator('.bp-list__sticky').count()).toBe(5)
  })

  it('[M10] text and tag are edited with the keyboard alone, and reach the board', async () => {
    const p = browser.page
    const sticky = p.locator('.bp-list__sticky', { has: p.locator('textarea', { hasText: 'Wachtlijst CIZ' }) })
    await p.focus('.bp-list__search input[type=search]')
    // Tab from the search box reaches the first sticky's text, then its tag.
    for (let i = 0; i < 10 && !(await p.evaluate(() => document.activeElement?.closest('.bp-list__sticky') !== null)); i++) await p.keyboard.press('Tab')
    expect(await p.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
    await sticky.locator('textarea').focus()
    await p.keyboard.press('ControlOrMeta+a')
    await p.keyboard.type('Wachtlijst CIZ veel te lang')
    await p.keyboard.press('Tab')
    await waitFor(() => stickyOf(observer, 'Wachtlijst CIZ veel te lang'), 'the edited text on the board')
    await sticky.locator('select').focus()
    await p.keyboard.press('ArrowDown')
    await waitFor(() => stickyOf(observer, 'Wachtlijst CIZ veel te lang')?.tag === 'afspraak', 'the new tag on the board')
    const record = recordsOf(observer.doc).get(stickyOf(observer, 'Wachtlijst CIZ veel te lang')!.id)
    expect((record?.props as { color: string }).color).toBe('blue')
  })

  it('[M10] fields and links are set in Details, as in the side panel', async () => {
    const p = browser.page
    const request = p.locator('.bp-list__sticky', { has: p.locator('textarea', { hasText: 'Experimenteerruimte Wlz' }) })
    await request.locator('.bp-list__details').click()
    expect(await request.locator('.bp-list__details').getAttribute('aria-expanded')).toBe('true')
    await request.locator('input[name=regeling]').fill('Wlz')
    await waitFor(() => stickyOf(observer, 'Experimenteerruimte Wlz')?.meta.regeling === 'Wlz', 'the regeling on the board')

    const conclusie = p.locator('.bp-list__sticky', { has: p.locator('textarea', { hasText: 'Meer regie' }) })
    await conclusie.locator('.bp-list__details').click()
    const restsOn = conclusie.locator('[data-relation="restsOn"]')
    await restsOn.locator('select').selectOption({ label: '+ Korte lijnen met de huisarts' })
    await restsOn.locator('button', { hasText: 'Koppelen' }).click()
    const links = () => readBoard(allRecords(observer.doc)).links
    const factor = stickyOf(observer, 'Korte lijnen met de huisarts')!
    const conclusieId = stickyOf(observer, 'Meer regie bij de specialist ouderengeneeskunde')!.id
    await waitFor(() => links().some((l) => l.fromId === factor.id && l.toId === conclusieId), 'the link on the board')
    await restsOn.locator('li', { hasText: 'Korte lijnen' }).waitFor()
    await p.screenshot({ path: path.join(RESULTS, 'e2e-list-details.png'), fullPage: true })
    await restsOn.locator('li button').click()
    await waitFor(() => links().length === 0, 'the link removed')
  })

  it('[M9] the list view has no axe-core violations with details open, in Dutch and in English', async () => {
    const p = browser.page
    expect(await axeViolations(p)).toEqual([])
    await p.click('.bp-list__header .bp-language button:has-text("EN")')
    await p.locator('.bp-list__title:has-text("All stickies")').waitFor()
    expect(await axeViolations(p)).toEqual([])
    await p.screenshot({ path: path.join(RESULTS, 'e2e-list-english.png'), fullPage: true })
  })
})
