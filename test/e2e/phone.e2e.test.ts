/**
 * The phone page end to end in real Chromium (SPEC M1–M6, M9): a phone opens
 * a deelnemer invite, gives name and organisation and lands on the phone page
 * (a laptop lands on the board); everything it loads before it is usable
 * stays under 200 kB; it writes, tags, sends and edits its own stickies,
 * which a stock y-websocket client sees; it can switch to the board and back.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { applyTimerCommand, PHASE_INFO, readFacilitation, writeFacilitation } from '../../shared/facilitation'
import { allRecords, recordsOf } from '../../shared/ydoc'
import { bigBoard } from '../../bench/verslagExport'
import { axeViolations } from '../helpers/axe'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { meterTransfer, PHONE_WEIGHT_STICKIES, startWireMeter, type WireMeter } from '../helpers/pageWeight'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { waitFor } from '../helpers/waitFor'

const PHONE = { width: 390, height: 844 }
const BUDGET = 200_000

async function inviteUrl(server: TestServer, sessionId: string, origin = server.url): Promise<string> {
  const invite = await server.api<{ token: string }>('POST', `/api/sessions/${sessionId}/invites`, { role: 'deelnemer' })
  expect(invite.status).toBe(201)
  return `${origin}/join/${invite.body.token}`
}

async function join(page: Page, url: string, name: string, organisation: string): Promise<void> {
  await page.goto(url)
  await page.fill('input[name=name]', name)
  await page.fill('input[name=organisation]', organisation)
  await page.click('button[type=submit]')
}

describe('the phone page', () => {
  let server: TestServer
  let sessionId: string
  let phone: TestBrowser
  let laptop: TestBrowser
  let observer: YClient
  /** The phone reaches the server through this proxy, which counts what travels (M1). */
  let wire: WireMeter

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    server = await startTestServer({ clientDir: CLIENT_DIR })
    const created = await server.createSession({ title: 'Brownpapersessie SO buiten het verpleeghuis', sheets: ['SO in the lead', 'Huisarts in the lead'] })
    sessionId = created.id
    await server.api('POST', `/api/sessions/${sessionId}/stickies`, { text: 'Sticky van iemand anders', tag: 'bevorderend', sheet: 'SO in the lead', author: { id: 'iemand', name: 'Iemand', organisation: 'Elders' } })
    observer = connectYClient(server.wsUrl, sessionId)
    await observer.synced
    // A realistic board: the bench's board for the phone page's weight (10 sheets, every tag, fields, links), besides these.
    const kv = recordsOf(observer.doc)
    const board = recordsOf(bigBoard(PHONE_WEIGHT_STICKIES))
    observer.doc.transact(() => {
      for (const [id, { val }] of board.map) if (val.typeName === 'shape' || val.typeName === 'binding') kv.set(id, val)
    })
    const checker = connectYClient(server.wsUrl, sessionId)
    await waitFor(() => readBoard(allRecords(checker.doc)).stickies.length > PHONE_WEIGHT_STICKIES, 'the board on the server')
    checker.destroy()
    wire = await startWireMeter(server.url)
    phone = await launchBrowser({ viewport: PHONE, touch: true })
    laptop = await launchBrowser({ viewport: { width: 1280, height: 800 } })
  })

  afterAll(async () => {
    observer?.destroy()
    await phone?.close()
    await laptop?.close()
    await wire?.close()
    await server?.close()
  })

  it('[M1][M2] a phone that opens an invite lands on the phone page, usable after under 200 kB on the wire (compressed as sent, everything included)', async () => {
    const p = phone.page
    p.on('console', (m) => console.log('phone console:', m.text()))
    const chromium = await meterTransfer(p)
    const before = wire.read()
    await join(p, await inviteUrl(server, sessionId, wire.url), 'Anna de Vries', 'Zorggroep Noord')
    await p.waitForURL(`${wire.url}/s/${sessionId}/telefoon`)
    await p.locator('.bp-phone__compose button[type=submit]').waitFor()
    const sent = wire.read()
    const reported = chromium.read()
    await chromium.stop()
    const http = sent.http - before.http
    const websocket = sent.websocket - before.websocket
    console.log(
      `phone page on a board of ${readBoard(allRecords(observer.doc)).stickies.length} stickies: ${http + websocket} bytes on the wire until usable ` +
        `(HTTP ${http} in ${reported.requests} responses, websocket ${websocket}; its messages ${reported.websocketPayload} uncompressed)`,
    )
    expect(http + websocket, JSON.stringify(reported.largest)).toBeLessThan(BUDGET)
    // The proxy saw all of it: every HTTP byte Chromium counted, and the board's sync (compressed, S52, so less than its payload).
    expect(http).toBeGreaterThanOrEqual(reported.http)
    expect(websocket).toBeGreaterThan(0)
    expect(websocket).toBeLessThan(reported.websocketPayload)
    // No tldraw, no fonts: nothing of the canvas chunk was requested.
    expect(phone.requests.filter((url) => /SessionPage|\.woff2?$/.test(url))).toEqual([])
    await p.screenshot({ path: path.join(RESULTS, 'e2e-phone-landed.png') })
  })

  it('[M3][M4] six tag buttons of at least 44 px all on screen; a sticky sent from the phone reaches the board in the chosen sheet with tag and author', async () => {
    const p = phone.page
    const buttons = p.locator('.bp-phone__compose .bp-tagpick__tag')
    expect(await buttons.count()).toBe(6)
    for (const box of await buttons.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.height).toBeGreaterThanOrEqual(44)
      expect(box.width).toBeGreaterThanOrEqual(44)
      expect(box.left).toBeGreaterThanOrEqual(0)
      expect(box.right).toBeLessThanOrEqual(PHONE.width)
    }
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)

    await p.fill('.bp-phone__compose textarea', 'Wachtlijst CIZ te lang')
    await p.tap('.bp-phone__compose [data-tag="belemmerend"]')
    expect(await p.getAttribute('.bp-phone__compose [data-tag="belemmerend"]', 'aria-pressed')).toBe('true')
    await p.selectOption('.bp-phone__compose select[name=sheet]', { label: 'Huisarts in the lead' })
    await p.tap('.bp-phone__compose button[type=submit]')
    await p.locator('.bp-phone__list [data-tag="belemmerend"]').waitFor()
    expect(await p.inputValue('.bp-phone__compose textarea')).toBe('')

    const sent = await waitFor(() => readBoard(allRecords(observer.doc)).stickies.find((s) => s.text === 'Wachtlijst CIZ te lang'), 'the sticky on the board')
    const board = readBoard(allRecords(observer.doc))
    expect(sent.tag).toBe('belemmerend')
    expect(board.sheets.find((s) => s.id === sent.sheetId)?.name).toBe('Huisarts in the lead')
    expect(sent.meta.author).toMatchObject({ name: 'Anna de Vries', organisation: 'Zorggroep Noord' })
    // Only her own: the other's sticky is not in her list.
    expect(await p.locator('.bp-phone__list li').count()).toBe(1)
    await p.screenshot({ path: path.join(RESULTS, 'e2e-phone-sent.png') })
  })

  it('[M5] she edits her own sticky (text and tag) on the phone; the board gets the text, the tag and its colour', async () => {
    const p = phone.page
    await p.tap('.bp-phone__list .bp-phone__edit')
    await p.fill('.bp-phone__list textarea', 'Wachtlijst CIZ veel te lang')
    await p.tap('.bp-phone__list [data-tag="afspraak"]')
    await p.screenshot({ path: path.join(RESULTS, 'e2e-phone-editing.png') })
    await p.tap('.bp-phone__list button.bp-primary')
    await p.locator('.bp-phone__list [data-tag="afspraak"]').waitFor()
    await p.screenshot({ path: path.join(RESULTS, 'e2e-phone-edited.png') })
    const edited = await waitFor(() => readBoard(allRecords(observer.doc)).stickies.find((s) => s.text === 'Wachtlijst CIZ veel te lang'), 'the edited sticky')
    expect(edited.tag).toBe('afspraak')
    const record = recordsOf(observer.doc).get(edited.id)
    expect((record?.props as { color?: string }).color).toBe('blue')
  })

  it('[M6] the phone follows the phase with its instruction and the timer, live', async () => {
    const p = phone.page
    writeFacilitation(observer.doc, { phase: 'stil-schrijven', timer: applyTimerCommand(null, { seconds: 300 }, Date.now()) })
    await p.locator('.bp-phone__phase[data-phase="stil-schrijven"]').waitFor()
    expect(await p.locator('.bp-phone__instruction').innerText()).toBe(PHASE_INFO['stil-schrijven'].instruction.nl)
    const shown = await p.locator('.bp-phone__timer [role=timer]').innerText()
    expect(shown).toMatch(/^(5:00|4:5\d)$/)
    writeFacilitation(observer.doc, { timer: applyTimerCommand(readFacilitation(observer.doc).timer, { action: 'pause' }, Date.now()) })
    await p.locator('.bp-phone__timer[data-status="paused"]').waitFor()
    await p.screenshot({ path: path.join(RESULTS, 'e2e-phone-phase.png'), fullPage: true })
    writeFacilitation(observer.doc, { phase: 'voorbereiden', timer: null })
    await p.locator('.bp-phone__phase[data-phase="voorbereiden"]').waitFor()
    expect(await p.locator('.bp-phone__timer').count()).toBe(0)
  })

  it('[M6][F6] during stil-schrijven a sticky sent from the phone is private (listed as hers, not on the board) until she shares it', async () => {
    const p = phone.page
    expect((await server.api('PUT', `/api/sessions/${sessionId}/facilitation`, { phase: 'stil-schrijven' })).status).toBe(200)
    await p.locator('.bp-phone__phase[data-phase="stil-schrijven"]').waitFor()
    await p.fill('.bp-phone__compose textarea', 'Geheime gedachte')
    await p.tap('.bp-phone__compose button[type=submit]')
    await p.locator('.bp-phone__list [data-private]').waitFor()
    expect(await p.locator('.bp-phone__sent').innerText()).toContain('Alleen jij')
    expect(readBoard(allRecords(observer.doc)).stickies.some((s) => s.text === 'Geheime gedachte')).toBe(false)
    await p.screenshot({ path: path.join(RESULTS, 'e2e-phone-private.png'), fullPage: true })
    await p.tap('.bp-phone__privatebar button')
    await waitFor(() => readBoard(allRecords(observer.doc)).stickies.find((s) => s.text === 'Geheime gedachte'), 'the shared sticky on the board')
    await expect.poll(() => p.locator('.bp-phone__list [data-private]').count()).toBe(0)
  })

  it('[M6][F10] during stemmen she spends her dots from the phone; the server stops her at the budget', async () => {
    const p = phone.page
    expect((await server.api('PUT', `/api/sessions/${sessionId}/facilitation`, { phase: 'stemmen', voteBudget: 2 })).status).toBe(200)
    await p.locator('.bp-phone__voting').waitFor()
    expect(await p.getAttribute('.bp-phone__budget', 'data-remaining')).toBe('2')
    const other = p.locator('[data-vote-sticky]', { hasText: 'Sticky van iemand anders' })
    await other.locator('[data-vote="add"]').tap()
    await expect.poll(() => other.locator('[data-mine]').getAttribute('data-mine')).toBe('1')
    await other.locator('[data-vote="add"]').tap()
    await expect.poll(() => p.getAttribute('.bp-phone__budget', 'data-remaining')).toBe('0')
    expect(await other.locator('[data-vote="add"]').isDisabled()).toBe(true)
    await p.screenshot({ path: path.join(RESULTS, 'e2e-phone-voting.png'), fullPage: true })
    expect(await axeViolations(p)).toEqual([])
    await other.locator('[data-vote="remove"]').tap()
    await expect.poll(() => p.getAttribute('.bp-phone__budget', 'data-remaining')).toBe('1')
    const sticky = readBoard(allRecords(observer.doc)).stickies.find((s) => s.text === 'Sticky van iemand anders')
    expect(Object.values(sticky?.meta.votes ?? {})).toEqual([1])
    expect((await server.api('PUT', `/api/sessions/${sessionId}/facilitation`, { phase: 'voorbereiden' })).status).toBe(200)
  })

  it('[M9] the phone page has no axe-core violations, in Dutch and in English', async () => {
    const p = phone.page
    expect(await axeViolations(p)).toEqual([])
    await p.tap('.bp-phone__header .bp-language button:has-text("EN")')
    await p.locator('.bp-phone__compose h2:has-text("New sticky")').waitFor()
    expect(await axeViolations(p)).toEqual([])
    await p.screenshot({ path: path.join(RESULTS, 'e2e-phone-english.png') })
    await p.tap('.bp-phone__header .bp-language button:has-text("NL")')
  })

  it('[M2][M6] the phone switches to the board and back; a laptop that opens an invite lands on the board and lists the phone as present', async () => {
    const p = phone.page
    await p.tap('.bp-phone__nav a[href$="/s/' + sessionId + '"]')
    await p.waitForFunction(() => window.__brownpaper?.editor !== undefined, null, { timeout: 30_000 })
    await p.tap(`.bp-views a[href$="/telefoon"]`)
    await p.locator('.bp-phone__compose').waitFor()

    const l = laptop.page
    await join(l, await inviteUrl(server, sessionId), 'Bram Jansen', 'Huisartsen West')
    await l.waitForURL(`${server.url}/s/${sessionId}`)
    await l.waitForFunction(() => window.__brownpaper?.editor !== undefined, null, { timeout: 30_000 })
    // The phone, on the phone page, is on the board's list of who is here (no cursor to go to).
    await l.click('button.bp-present')
    const anna = l.locator('[data-testid="presence-list"] [data-person="Anna de Vries"]')
    await anna.waitFor()
    expect(await anna.innerText()).toContain('telefoonpagina')
    await l.screenshot({ path: path.join(RESULTS, 'e2e-phone-laptop-board.png') })
  }, 90_000) // two cold loads of the board
})
