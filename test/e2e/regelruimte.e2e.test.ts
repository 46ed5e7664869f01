/**
 * The regelruimte register page (SPEC R8) in real Chromium: a secretariaat
 * account of two themagroepen signs in, opens the register from the start
 * page header, sees the requests grouped per themagroep with status badges,
 * filters them, changes a status (which reaches the session's document) and
 * switches to English; an account without requests sees the empty state.
 * Needs the built client (see test/helpers/builtClient.ts).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionSummary } from '../../shared/api'
import type { StickyMeta } from '../../shared/sticky'
import type { Tag } from '../../shared/tags'
import { addSticky, recordsOf, writeSessionInfo } from '../../shared/ydoc'
import { startServer, type RunningServer } from '../../server/app'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { axeViolations } from '../helpers/axe'
import { externalRequests, launchBrowser, type TestBrowser } from '../helpers/browser'
import { link } from '../helpers/verslagBoard'
import { waitFor } from '../helpers/waitFor'
import { assertClientBuilt, RESULTS, CLIENT_DIR } from '../helpers/builtClient'

const PASSWORD = 'een lang wachtwoord'
const GROEP_A = 'Bekostiging SO buiten het verpleeghuis'
const GROEP_B = 'Wijkgerichte zorg'

async function createSession(server: RunningServer, body: Record<string, unknown>): Promise<SessionSummary> {
  const res = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${await res.text()}`)
  return (await res.json()) as SessionSummary
}

/** factor → conclusie → regelruimte on the server's live document. */
async function chain(server: RunningServer, sessionId: string, sheet: string, texts: [string, string, string], fields: Partial<StickyMeta>): Promise<string> {
  return server.rooms.withRoom(sessionId, (room) => {
    // One transaction per sticky and arrow: the record store sees a record once its transaction ends.
    const add = (text: string, tag: Tag, extraMeta: Partial<StickyMeta> = {}) => room.transact((doc) => addSticky(doc, { text, tag, sheet, extraMeta }).id)
    const factor = add(texts[0], 'belemmerend')
    const conclusie = add(texts[1], 'conclusie')
    const request = add(texts[2], 'regelruimte', fields)
    room.transact((doc) => link(doc, `shape:${request.slice(6)}-a`, factor, conclusie))
    room.transact((doc) => link(doc, `shape:${request.slice(6)}-b`, conclusie, request))
    return request
  })
}

async function signIn(browser: TestBrowser, url: string, email: string): Promise<void> {
  await browser.page.goto(url)
  await browser.page.fill('input[name=email]', email)
  await browser.page.fill('input[name=password]', PASSWORD)
  await browser.page.click('button[type=submit]')
  await browser.page.waitForSelector('.bp-account')
}

describe('regelruimte register page', () => {
  let dataDir: string
  let server: RunningServer
  let secretariaat: TestBrowser
  let newcomer: TestBrowser
  let invited: TestBrowser
  let sessionA: SessionSummary
  let requestA1: string

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-regelruimte-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR, adminToken: TEST_ADMIN_TOKEN })
    sessionA = await createSession(server, { title: 'Brownpapersessie SO in de eerstelijn', themagroep: GROEP_A, date: '2026-06-13' })
    const sessionB = await createSession(server, { title: 'Werksessie wijkteams', themagroep: GROEP_B, date: '2026-07-01' })
    requestA1 = await chain(
      server,
      sessionA.id,
      'SO in the lead',
      ['SO heeft geen eigen betaaltitel in de Zvw', 'Eén financiering binnen één domein', 'Aanpassing subsidieregeling extramurale behandeling'],
      { regeling: 'Subsidieregeling extramurale behandeling', gevraagdeRuimte: 'Declareren zonder CIZ-indicatie', adressaat: 'VWS', indiener: 'Norschoten', status: 'ingediend' },
    )
    await chain(server, sessionA.id, 'Huisarts in the lead', ['Onbekendheid met de regels', 'Experimenteer-AMvB nodig', 'Experimenteerruimte in de Wlz'], {
      regeling: 'Wlz',
      adressaat: 'NZa',
    })
    await chain(server, sessionB.id, 'Wijk', ['Geen gedeeld dossier', 'Gegevens delen binnen de wijk', 'Ruimte in de uitleg van de AVG'], {
      regeling: 'NZa-beleidsregel',
      adressaat: 'NZa',
      status: 'afgewezen',
    })
    await server.rooms.withRoom(sessionB.id, (room) => room.transact((doc) => writeSessionInfo(doc, { title: 'Werksessie wijkteams' })))
    await server.access.addUser({ email: 'sanne@programma.nl', name: 'Sanne Secretariaat', role: 'secretariaat', password: PASSWORD, themagroepen: [GROEP_A, GROEP_B] })
    await server.access.addUser({ email: 'nieuw@programma.nl', name: 'Nina Nieuw', role: 'coordinator', password: PASSWORD, themagroepen: [] })
    secretariaat = await launchBrowser({ viewport: { width: 1400, height: 900 } })
    newcomer = await launchBrowser({ viewport: { width: 1100, height: 700 } })
    invited = await launchBrowser({ viewport: { width: 1400, height: 900 } })
  })

  afterAll(async () => {
    await secretariaat?.close()
    await newcomer?.close()
    await invited?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('[R8][R6] a secretariaat account opens the register from the start page, filters it, changes a status and downloads it', async () => {
    const p = secretariaat.page
    await signIn(secretariaat, server.url, 'sanne@programma.nl')
    await p.click('.bp-account a[href="/regelruimte"]')
    await p.waitForSelector('.bp-register__table')
    expect(await p.locator('.bp-group h2').allTextContents()).toEqual([`${GROEP_A} (2)`, `${GROEP_B} (1)`])
    const badges = await p.locator('.bp-status').allTextContents()
    expect(badges).toEqual(['ingediend', 'concept', 'afgewezen'])
    const colours = await p.locator('.bp-status').evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor))
    expect(new Set(colours).size).toBe(3)
    await expect(p.locator(`a[href="/s/${sessionA.id}"]`).first().textContent()).resolves.toBe('Brownpapersessie SO in de eerstelijn')
    await p.screenshot({ path: path.join(RESULTS, 'e2e-regelruimte-register.png'), fullPage: true })

    await p.selectOption('select[name=status]', 'afgewezen')
    expect(await p.locator('.bp-register__table tbody tr').count()).toBe(1)
    expect(await p.locator('a.bp-register__download', { hasText: 'CSV' }).getAttribute('href')).toBe('/api/regelruimte.csv?status=afgewezen')
    await p.selectOption('select[name=status]', '')
    await p.selectOption('select[name=themagroep]', GROEP_A)
    expect(await p.locator('.bp-register__table tbody tr').count()).toBe(2)
    expect(await p.locator('a.bp-register__download', { hasText: 'JSON' }).getAttribute('href')).toBe(`/api/regelruimte.json?themagroep=${encodeURIComponent(GROEP_A).replace(/%20/g, '+')}`)

    await p.selectOption(`tr[data-sticky="${requestA1}"] select`, 'toegekend')
    await p.waitForSelector(`tr[data-sticky="${requestA1}"] .bp-status[data-status="toegekend"]`)
    const meta = await waitFor(
      () =>
        server.rooms.withRoom(sessionA.id, (room) => {
          const m = recordsOf(room.doc).get(requestA1)?.meta as Record<string, unknown> | undefined
          return m?.status === 'toegekend' ? m : null
        }),
      'the new status in the document',
    )
    expect(meta.regeling).toBe('Subsidieregeling extramurale behandeling')
    await p.click(`tr[data-sticky="${requestA1}"] summary`)
    const history = await p.locator(`tr[data-sticky="${requestA1}"] .bp-register__history li`).allTextContents()
    expect(history[history.length - 1]).toContain('ingediend → toegekend (Sanne Secretariaat <sanne@programma.nl>)')
    await p.screenshot({ path: path.join(RESULTS, 'e2e-regelruimte-changed.png'), fullPage: true })

    // R12: the evidence chain as a picture: factor → conclusie → request, two arrows, described in words.
    await p.click(`tr[data-sticky="${requestA1}"] .bp-register__chain-toggle`)
    const svg = p.locator(`tr[data-chain-for="${requestA1}"] svg.bp-chain`)
    await svg.waitFor()
    expect(await svg.locator('[data-kind]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-kind'), el.querySelector('title')?.textContent]))).toEqual([
      ['factor', 'SO heeft geen eigen betaaltitel in de Zvw'],
      ['conclusie', 'Eén financiering binnen één domein'],
      ['verzoek', 'Aanpassing subsidieregeling extramurale behandeling'],
    ])
    expect(await svg.locator('.bp-chain__edge').count()).toBe(2)
    expect(await svg.locator('desc').textContent()).toContain('Eén financiering binnen één domein')
    const box = await svg.boundingBox()
    expect(box!.width).toBeGreaterThan(600)
    expect(await p.locator(`tr[data-sticky="${requestA1}"] .bp-register__chain-toggle`).getAttribute('aria-expanded')).toBe('true')
    expect(await axeViolations(p, `tr[data-chain-for="${requestA1}"]`)).toEqual([])
    await svg.screenshot({ path: path.join(RESULTS, 'e2e-regelruimte-chain.png') })

    const csv = await p.evaluate(async (href) => {
      const res = await fetch(href)
      return { type: res.headers.get('content-type'), bytes: [...new Uint8Array(await res.arrayBuffer()).slice(0, 3)] }
    }, (await p.locator('a.bp-register__download', { hasText: 'CSV' }).getAttribute('href')) ?? '')
    expect(csv).toEqual({ type: 'text/csv; charset=utf-8', bytes: [0xef, 0xbb, 0xbf] })

    await p.click('.bp-language button:has-text("EN")')
    await p.waitForSelector('h1:has-text("Regelruimte register")')
    expect(await p.locator('.bp-register__table th').first().textContent()).toBe('No.')
    expect(externalRequests(secretariaat.requests)).toEqual([])
  })

  it('[R8] an account without requests sees the empty state', async () => {
    await signIn(newcomer, `${server.url}/`, 'nieuw@programma.nl')
    await newcomer.page.goto(`${server.url}/regelruimte`)
    await newcomer.page.waitForSelector('.bp-empty h2')
    expect(await newcomer.page.locator('.bp-empty h2').textContent()).toBe('Nog geen regelruimteverzoeken')
    expect(await newcomer.page.locator('.bp-register__table').count()).toBe(0)
    await newcomer.page.screenshot({ path: path.join(RESULTS, 'e2e-regelruimte-empty.png') })
  })

  it('[R11] a secretariaat invited to a session opens the register from its board and sees the requests of that themagroep; only its own session’s can change', async () => {
    const later = await createSession(server, { title: 'Vervolgsessie SO', themagroep: GROEP_A, date: '2026-09-01' })
    const laterRequest = await chain(server, later.id, 'Vervolg', ['Wachtlijst bij de SO', 'Capaciteit ontbreekt', 'Ruimte voor inzet van een physician assistant'], { adressaat: 'VWS' })
    const res = await fetch(`${server.url}/api/sessions/${sessionA.id}/invites`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'secretariaat' }),
    })
    const { token } = (await res.json()) as { token: string }
    const p = invited.page
    await p.goto(`${server.url}/join/${token}`)
    await p.fill('input[name=name]', 'Ilse Ingehuurd')
    await p.fill('input[name=organisation]', 'Bureau Verslag')
    await p.click('button[type=submit]')
    await p.waitForURL(`${server.url}/s/${sessionA.id}`)
    await p.click('header a[href="/regelruimte"]')
    await p.waitForSelector('.bp-register__table')
    expect(await p.locator('.bp-group h2').allTextContents()).toEqual([`${GROEP_A} (3)`])
    // Its own session's requests have a status select and a link to the board; the other session's read only.
    expect(await p.locator(`tr[data-sticky="${requestA1}"] select`).count()).toBe(1)
    expect(await p.locator(`tr[data-sticky="${laterRequest}"] select`).count()).toBe(0)
    expect(await p.locator(`tr[data-sticky="${laterRequest}"] a[href="/s/${later.id}"]`).count()).toBe(0)
    expect(await p.locator(`tr[data-sticky="${laterRequest}"]`).innerText()).toContain('Vervolgsessie SO')
    expect(await p.locator('.bp-register__table').innerText()).not.toContain('Ruimte in de uitleg van de AVG')
    await p.screenshot({ path: path.join(RESULTS, 'e2e-regelruimte-invited-secretariaat.png'), fullPage: true })
    // Back to its board.
    await p.click(`a[href="/s/${sessionA.id}"] >> nth=0`)
    await p.waitForURL(`${server.url}/s/${sessionA.id}`)
    expect(externalRequests(invited.requests)).toEqual([])
  })
})
