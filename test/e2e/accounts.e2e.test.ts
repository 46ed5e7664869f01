/**
 * Accounts in the app in real Chromium, one browser per person (SPEC U1–U11):
 * a coördinator invites a colleague on the Accounts page; the colleague opens
 * the one-time link, sets a password and is signed in, changes the password,
 * opens a board; the coördinator switches the account off and the
 * colleague's open board socket closes. Needs the built client.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { WebSocket as PwWebSocket } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/app'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'

const ADMIN = 'e2e-accounts-admin-token-0123456789'
const GROEP = 'Zorg in de wijk'
const ANNA_PASSWORD = 'correct horse battery staple'
const FIRST = 'blauwe fiets langs de gracht 2026'
const SECOND = 'paarse olifant danst op het dak'

describe('accounts in the app (e2e)', () => {
  let dataDir: string
  let server: RunningServer
  let anna: TestBrowser
  let nina: TestBrowser
  let sessionId: string

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-accounts-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR, adminToken: ADMIN })
    await server.access.addUser({ email: 'anna@wijk.nl', name: 'Anna de Vries', role: 'coordinator', password: ANNA_PASSWORD, themagroepen: [GROEP] })
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Brownpaper wijkzorg', themagroep: GROEP }),
    })
    sessionId = ((await created.json()) as { id: string }).id
    anna = await launchBrowser()
    nina = await launchBrowser()
  })

  afterAll(async () => {
    await anna?.close()
    await nina?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('[U1][U3][U6][U9][U11] invite, set a password, change it, and a switched-off account’s open board socket closes', async () => {
    const a = anna.page
    await a.goto(`${server.url}/`)
    await a.fill('input[name=email]', 'anna@wijk.nl')
    await a.fill('input[name=password]', ANNA_PASSWORD)
    await a.click('button[type=submit]')
    await a.getByRole('link', { name: 'Accounts' }).click()
    await a.getByRole('heading', { name: 'Collega uitnodigen' }).waitFor()
    await a.fill('input[name=email]', 'nina@wijk.nl')
    await a.click('button:has-text("Maak uitnodigingslink")')
    const url = await a.locator('.bp-accounts__link').inputValue()
    expect(url).toMatch(/\/account\/nieuw\?token=[A-Za-z0-9_-]{43}$/)
    await a.screenshot({ path: path.join(RESULTS, 'e2e-accounts-invite.png'), fullPage: true })

    const n = nina.page
    await n.goto(url)
    await n.getByText('Je bent uitgenodigd als Secretariaat voor Zorg in de wijk').waitFor()
    await n.fill('input[name=name]', 'Nina Bakker')
    await n.fill('input[name=password]', FIRST)
    await n.click('button[type=submit]')
    await n.waitForURL(`${server.url}/`)
    await n.locator('.bp-account').getByText('Nina Bakker').waitFor()

    await n.getByRole('link', { name: 'Wachtwoord wijzigen' }).click()
    await n.fill('input[name=currentPassword]', 'niet het goede wachtwoord')
    await n.fill('input[name=newPassword]', SECOND)
    await n.click('button[type=submit]')
    expect(await n.getByRole('alert').textContent()).toContain('Je huidige wachtwoord klopt niet.')
    await n.fill('input[name=currentPassword]', FIRST)
    await n.click('button[type=submit]')
    await n.getByRole('status').getByText('Je wachtwoord is gewijzigd').waitFor()
    const loginWith = (password: string) =>
      fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nina@wijk.nl', password }) })
    expect((await loginWith(FIRST)).status).toBe(401)

    // Nina opens the board; its socket is watched.
    const boardSocket = new Promise<PwWebSocket>((resolve) => n.on('websocket', (ws) => ws.url().includes(sessionId) && resolve(ws)))
    await n.goto(`${server.url}/s/${sessionId}`)
    const socket = await boardSocket
    await n.waitForFunction(() => window.__brownpaper?.provider.wsconnected === true, null, { timeout: 30_000 })
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))

    a.on('dialog', (dialog) => void dialog.accept())
    await a.reload()
    const row = a.locator('tr[data-email="nina@wijk.nl"]')
    await row.getByRole('cell', { name: 'Actief' }).waitFor()
    await row.getByRole('button', { name: 'Zet uit' }).click()
    await row.getByRole('cell', { name: 'Uitgezet' }).waitFor()
    await closed
    expect(await n.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { me: { kind: string } }).me.kind)).toBe('anonymous')
    expect((await loginWith(SECOND)).status).toBe(401)
    await a.screenshot({ path: path.join(RESULTS, 'e2e-accounts-deactivated.png'), fullPage: true })
  }, 120_000)

  it('[U12][U13] the coördinator sees who joined the session and adds their organisations to the deelnemers in one click', async () => {
    const invite = await fetch(`${server.url}/api/sessions/${sessionId}/invites`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'deelnemer' }),
    })
    const { token } = (await invite.json()) as { token: string }
    for (const [name, organisation] of [['Karin Smit', 'GGD Amsterdam'], ['Piet de Boer', 'GGD  amsterdam'], ['Ali Yilmaz', 'Zilveren Kruis']]) {
      const joined = await fetch(`${server.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name, organisation }) })
      expect(joined.status).toBe(201)
    }
    const a = anna.page
    await a.goto(`${server.url}/s/${sessionId}`)
    await a.locator('[data-pane=sessie]').click()
    const who = a.getByTestId('who-was-there')
    await who.getByText('Karin Smit, GGD Amsterdam').waitFor()
    await who.getByRole('button', { name: 'Zet 2 organisaties bij de deelnemers' }).click()
    await who.getByText('Alle organisaties staan al bij de deelnemers.').waitFor()
    const rows = a.locator('[data-row=deelnemer] input[aria-label=Organisatie]')
    await expect.poll(async () => rows.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['GGD Amsterdam', 'Zilveren Kruis'])
    await a.getByRole('button', { name: 'EN', exact: true }).click()
    await who.getByText('Every organisation is already among the deelnemers.').waitFor()
    await a.screenshot({ path: path.join(RESULTS, 'e2e-accounts-who-was-there-en.png') })
  }, 90_000)

  it('[U11] the Accounts page fits a phone in English: no sideways scrolling, every account and the invitation form readable', async () => {
    const a = anna.page
    await a.setViewportSize({ width: 390, height: 844 })
    await a.goto(`${server.url}/accounts`)
    // Still in English from the test before: the English UI on a phone.
    await a.locator('tr[data-email="nina@wijk.nl"]').getByRole('cell', { name: 'Switched off' }).waitFor()
    await a.getByRole('heading', { name: 'Invite a colleague' }).waitFor()
    await a.screenshot({ path: path.join(RESULTS, 'e2e-accounts-phone.png'), fullPage: true })
    const wide = await a.evaluate(() =>
      [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).map((el) => el.tagName + '.' + el.className),
    )
    expect(wide).toEqual([])
    expect(await a.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  }, 60_000)
})
