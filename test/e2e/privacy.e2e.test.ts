/**
 * The privacy page and the readable audit log in the browser (SPEC G1, G2,
 * G7, G10–G12): a coördinator finds a participant, erases them after
 * confirming, and reads the audit log as sentences, in Dutch and English,
 * on a phone viewport. Needs the built client.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/app'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'

const ADMIN = 'privacy-e2e-admin-token-0123456789abcdef'
const NAME = 'Wilhelmina Zwartkop'
const ORG = 'Zorgbureau Quokkadal'

describe('privacy page and readable audit log', () => {
  let dataDir: string
  let server: RunningServer
  let browser: TestBrowser
  let sessionId: string

  const api = async <T,>(method: string, url: string, body?: unknown, headers: Record<string, string> = { authorization: `Bearer ${ADMIN}` }): Promise<T> => {
    const res = await fetch(`${server.url}${url}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`)
    const text = await res.text()
    return (text ? JSON.parse(text) : null) as T
  }

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-privacy-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR, adminToken: ADMIN })
    browser = await launchBrowser({ viewport: { width: 390, height: 844 } })
    const session = await api<{ id: string }>('POST', '/api/sessions', { title: 'Sessie met een deelnemer', themagroep: 'Wijkgerichte zorg' })
    sessionId = session.id
    const invite = await api<{ token: string }>('POST', `/api/sessions/${session.id}/invites`, { role: 'deelnemer' })
    const joined = await fetch(`${server.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: invite.token, name: NAME, organisation: ORG }) })
    expect(joined.status).toBe(201)
    // A sticky of theirs (the admin may name the author, as the secretariaat does for a participant).
    await api('POST', `/api/sessions/${session.id}/stickies`, { text: 'Korte lijnen met de wijkverpleging', tag: 'bevorderend', author: { id: 'p-wilhelmina', name: NAME, organisation: ORG } })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('[G1][G2][G7][G10][G11][G12] a coördinator finds, erases (after confirming) and reads the audit log in words, Dutch and English, on a phone', async () => {
    const p = browser.page
    const token = await server.access.issueSetupToken()
    await p.goto(`${server.url}/setup?token=${token}`)
    await p.fill('input[name=name]', 'Anna de Vries')
    await p.fill('input[name=email]', 'anna@themagroep.nl')
    await p.fill('input[name=password]', 'een lang en sterk wachtwoord 2026')
    await p.click('button[type=submit]')
    await p.waitForSelector('.bp-account')

    await p.getByRole('link', { name: 'Privacy', exact: true }).click()
    await p.getByRole('heading', { name: 'Persoonsgegevens zoeken, exporteren of wissen' }).waitFor()
    await p.getByLabel('Naam').fill(NAME)
    await p.getByLabel('Organisatie').fill(ORG)
    await p.getByRole('button', { name: 'Zoeken' }).click()
    await p.locator('tr[data-place=board]').waitFor()
    expect(await p.locator('tr[data-place=board] td').first().textContent()).toBe('Bord')
    await p.screenshot({ path: path.join(RESULTS, 'e2e-privacy-found-nl.png'), fullPage: true })

    await p.getByRole('button', { name: 'Wissen…' }).click()
    const confirm = p.getByRole('alertdialog')
    expect(await confirm.textContent()).toContain('kan niet ongedaan worden gemaakt')
    await p.getByRole('button', { name: 'Ja, wissen' }).click()
    const done = p.getByRole('status')
    await done.waitFor()
    expect(await done.textContent()).toMatch(/Deze persoon heet nu overal Deelnemer \d+/)
    await p.screenshot({ path: path.join(RESULTS, 'e2e-privacy-erased-nl.png'), fullPage: true })

    // Searching again finds nothing.
    await p.getByRole('button', { name: 'Zoeken' }).click()
    await expect.poll(() => p.getByRole('status').textContent()).toBe('Niets gevonden over deze persoon.')

    // The audit log in words, filtered by action, with its CSV link.
    await p.goto(`${server.url}/audit`)
    await p.getByLabel('Actie').selectOption('privacy.erase')
    await p.getByRole('button', { name: 'Filteren' }).click()
    await expect.poll(() => p.locator('tbody tr').count()).toBe(1)
    expect(await p.locator('tbody tr td').nth(2).textContent()).toMatch(/^Anna de Vries wiste een persoon \(nu Deelnemer \d+\)$/)
    expect(await p.getByRole('link', { name: 'Download als CSV' }).getAttribute('href')).toBe('/api/audit.csv?action=privacy.erase&lang=nl')
    await p.screenshot({ path: path.join(RESULTS, 'e2e-audit-words-nl.png'), fullPage: true })

    await p.getByRole('button', { name: 'EN', exact: true }).click()
    await expect.poll(() => p.locator('tbody tr td').nth(2).textContent()).toMatch(/^Anna de Vries erased a person \(now Deelnemer \d+\)$/)
    expect(await p.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')).toBe('/api/audit.csv?action=privacy.erase&lang=en')
    await p.screenshot({ path: path.join(RESULTS, 'e2e-audit-words-en.png'), fullPage: true })
    // On a phone the page does not scroll sideways; the table does, inside it.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

    // The privacy statement, reachable for everyone.
    await p.goto(`${server.url}/privacyverklaring`)
    await p.getByRole('heading', { name: 'Privacy statement' }).waitFor()
    expect(await p.locator('main').textContent()).toContain('365 days')
  }, 90_000)

  it('[G6] a coördinator of the themagroep deletes the session from its board after confirming, and lands on the start page', async () => {
    const p = browser.page
    await api('POST', `/api/themagroepen/${encodeURIComponent('Wijkgerichte zorg')}/members`, { email: 'anna@themagroep.nl' })
    await p.goto(`${server.url}/s/${sessionId}`)
    await p.getByRole('button', { name: 'Delete session', exact: true }).click()
    const confirm = p.getByRole('alertdialog')
    expect(await confirm.textContent()).toContain('This cannot be undone')
    await p.screenshot({ path: path.join(RESULTS, 'e2e-delete-session-en.png') })
    await p.getByRole('button', { name: 'Yes, delete session' }).click()
    await p.waitForURL(`${server.url}/`)
    expect((await fetch(`${server.url}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${ADMIN}` } })).status).toBe(404)
  }, 60_000)
})
