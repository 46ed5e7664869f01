/**
 * The actielijst page (SPEC A7) and the later session's panel (A10) in real
 * Chromium: afspraken made in two sessions of one themagroep appear in its
 * actielijst; from the second session's board a secretariaat marks one done
 * and carries another over into that session; on the page she sets a status
 * and carries one more over, downloads the .xlsx (read back) and makes the
 * calendar link (which lists the open ones).
 * Needs the built client (see test/helpers/builtClient.ts).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionSummary } from '../../shared/api'
import type { StickyMeta } from '../../shared/sticky'
import { addSticky, allRecords } from '../../shared/ydoc'
import { startServer, type RunningServer } from '../../server/app'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { axeViolations } from '../helpers/axe'
import { externalRequests, launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'

const PASSWORD = 'Actielijst-wachtwoord-2026!'
const GROEP = 'Bekostiging SO buiten het verpleeghuis'

async function createSession(server: RunningServer, body: Record<string, unknown>): Promise<SessionSummary> {
  const res = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${await res.text()}`)
  return (await res.json()) as SessionSummary
}

async function afspraak(server: RunningServer, sessionId: string, text: string, meta: Partial<StickyMeta>): Promise<string> {
  return server.rooms.withRoom(sessionId, (room) => room.transact((doc) => addSticky(doc, { text, tag: 'afspraak', extraMeta: meta }).id))
}

describe('actielijst page', () => {
  let dataDir: string
  let server: RunningServer
  let browser: TestBrowser
  let juni: SessionSummary
  let september: SessionSummary
  let notitie: string
  let werkbezoek: string
  let brief: string
  let rekenmodel: string

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-actielijst-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR, adminToken: TEST_ADMIN_TOKEN })
    juni = await createSession(server, { title: 'Brownpapersessie juni', themagroep: GROEP, date: '2026-06-13' })
    september = await createSession(server, { title: 'Themabijeenkomst september', themagroep: GROEP, date: '2099-09-01' })
    notitie = await afspraak(server, juni.id, 'Notitie over de bekostiging delen met VWS', { wie: 'Anna de Vries', wanneer: '2026-07-01' })
    werkbezoek = await afspraak(server, juni.id, 'Werkbezoek plannen bij Norschoten', { wanneer: '2099-10-02', tijdVan: '09:30', tijdTot: '11:30', waar: 'Barneveld' })
    brief = await afspraak(server, juni.id, 'Brief aan de NZa sturen', { wie: 'Sanne', wanneer: '2099-12-01' })
    rekenmodel = await afspraak(server, september.id, 'Rekenmodel uitwerken', { wie: 'Werkgroep', wanneer: '2099-11-15' })
    await server.access.addUser({ email: 'sanne@programma.nl', name: 'Sanne Secretariaat', role: 'secretariaat', password: PASSWORD, themagroepen: [GROEP] })
    browser = await launchBrowser({ viewport: { width: 1400, height: 900 } })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('[A7][A10][A4][A6][A5][A8] afspraken of two sessions in one list; one marked done and one carried over from the second session, the .xlsx and the calendar follow', async () => {
    const p = browser.page
    await p.goto(server.url)
    await p.fill('input[name=email]', 'sanne@programma.nl')
    await p.fill('input[name=password]', PASSWORD)
    await p.click('button[type=submit]')
    await p.click('a.bp-group__link')
    await p.waitForSelector('.bp-actielijst__table')
    const wat = () => p.locator('.bp-actielijst__table tbody tr td:first-child').allInnerTexts()
    expect((await wat()).map((t) => t.split('\n')[0])).toEqual([
      'Notitie over de bekostiging delen met VWS',
      'Werkbezoek plannen bij Norschoten',
      'Rekenmodel uitwerken',
      'Brief aan de NZa sturen',
    ])
    // 1 July 2026 lies before today (1 December 2026 or later): overdue.
    expect(await p.locator('tr.is-overdue').count()).toBe(1)
    expect(await p.locator(`tr[data-sticky="${notitie}"]`).getAttribute('class')).toBe('is-overdue')
    await p.screenshot({ path: path.join(RESULTS, 'e2e-actielijst.png'), fullPage: true })

    // A10: the second session's board lists the first session's open afspraken (not its own).
    await p.click(`tr[data-sticky="${rekenmodel}"] a[href="/s/${september.id}"]`)
    await p.locator('[data-pane=sessie]').click()
    const panel = p.getByTestId('earlier-afspraken')
    const listed = () => panel.locator('li .bp-earlier__wat').allInnerTexts()
    await expect.poll(listed).toEqual(['Notitie over de bekostiging delen met VWS', 'Werkbezoek plannen bij Norschoten', 'Brief aan de NZa sturen'])
    expect(await axeViolations(p, '[data-testid=earlier-afspraken]')).toEqual([])
    // Keyboard: focus the button and press Enter.
    await panel.locator(`li[data-sticky="${notitie}"] button[data-action=gedaan]`).focus()
    await p.keyboard.press('Enter')
    await expect.poll(listed).toEqual(['Werkbezoek plannen bij Norschoten', 'Brief aan de NZa sturen'])
    expect(await panel.getByRole('status').innerText()).toContain('Notitie over de bekostiging delen met VWS')
    expect(await p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('earlier-afspraken')
    await panel.locator(`li[data-sticky="${werkbezoek}"] button[data-action=meenemen]`).click()
    await expect.poll(listed).toEqual(['Brief aan de NZa sturen'])
    // The carried afspraak is on this board at once, on the sheet Vervolgafspraken (A6).
    await expect
      .poll(() => p.evaluate(() => window.__brownpaper!.editor!.getCurrentPageShapes().filter((s) => s.type === 'note' && (s.meta as { tag?: string }).tag === 'afspraak').length))
      .toBe(2)
    await p.screenshot({ path: path.join(RESULTS, 'e2e-actielijst-later-session.png') })

    await p.goto(`${server.url}/themagroepen/${encodeURIComponent(GROEP)}/actielijst`)
    await p.waitForSelector(`tr[data-sticky="${notitie}"][data-status="gedaan"]`)
    expect(await p.locator(`tr[data-sticky="${notitie}"] .bp-actielijst__since`).innerText()).toContain('Sanne Secretariaat')
    await p.waitForSelector(`tr[data-sticky="${werkbezoek}"][data-status="vervallen"]`)
    expect(await p.locator(`tr[data-sticky="${werkbezoek}"]`).innerText()).toContain('Overgenomen in Themabijeenkomst september')

    // On the page: a status select and a carry-over of the remaining one.
    await p.selectOption(`tr[data-sticky="${rekenmodel}"] select[aria-label^="Status"]`, 'gedaan')
    await p.waitForSelector(`tr[data-sticky="${rekenmodel}"][data-status="gedaan"]`)
    await p.selectOption(`tr[data-sticky="${brief}"] .bp-actielijst__carry select`, september.id)
    await p.click(`tr[data-sticky="${brief}"] .bp-actielijst__carry button`)
    await p.waitForSelector(`tr[data-sticky="${brief}"][data-status="vervallen"]`)
    expect(allRecords(server.rooms.get(september.id)!.doc).filter((r) => (r.meta as { tag?: string } | undefined)?.tag === 'afspraak')).toHaveLength(3)

    await p.selectOption('select[name=status]', 'open')
    expect((await wat()).map((t) => t.split('\n')[0])).toEqual(['Werkbezoek plannen bij Norschoten', 'Brief aan de NZa sturen'])
    const xlsxHref = await p.locator('a.bp-register__download', { hasText: 'xlsx' }).getAttribute('href')
    expect(xlsxHref).toBe(`/api/themagroepen/${encodeURIComponent(GROEP)}/actielijst.xlsx?status=open`)
    const download = await p.request.get(`${server.url}${xlsxHref}`)
    expect(download.status()).toBe(200)
    const workbook = new ExcelJS.Workbook()
    const bytes = await download.body()
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    const rows = workbook.worksheets[0]!.getSheetValues().slice(2) as unknown[][]
    expect(rows.map((r) => r[1])).toEqual(['Werkbezoek plannen bij Norschoten', 'Brief aan de NZa sturen'])
    // Both open rows are the copies in the second session.
    expect(rows.map((r) => r[9])).toEqual(['Themabijeenkomst september', 'Themabijeenkomst september'])
    await p.screenshot({ path: path.join(RESULTS, 'e2e-actielijst-open.png'), fullPage: true })

    await p.click('.bp-actielijst__feed button')
    const url = await p.locator('.bp-actielijst__feed-url input').inputValue()
    const calendar = new ICAL.Component(ICAL.parse(await (await fetch(url)).text()))
    const summaries = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).summary)
    expect(summaries.sort()).toEqual(['Brief aan de NZa sturen', 'Werkbezoek plannen bij Norschoten'])

    expect(externalRequests(browser.requests)).toEqual([])
  })
})
