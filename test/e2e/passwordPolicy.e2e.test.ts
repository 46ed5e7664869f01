/**
 * P24 in the browser: the setup page refuses a common password with a
 * readable sentence (Dutch, and English after switching), shows the hint,
 * and accepts a strong one. Needs the built client.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/app'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'

describe('password policy on the setup page', () => {
  let dataDir: string
  let server: RunningServer
  let browser: TestBrowser

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-password-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR })
    browser = await launchBrowser({ viewport: { width: 390, height: 844 } })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('[P24] a common password gets a readable Dutch and English sentence; a strong one makes the account', async () => {
    const token = await server.access.issueSetupToken()
    const p = browser.page
    await p.goto(`${server.url}/setup?token=${token}`)
    await p.waitForSelector('input[name=password]')
    expect(await p.locator('#setup-password-hint').textContent()).toContain('geen veelgebruikt of voorspelbaar wachtwoord')
    await p.fill('input[name=name]', 'Anna de Vries')
    await p.fill('input[name=email]', 'anna@themagroep.nl')
    await p.fill('input[name=password]', 'welkom01!!')
    await p.click('button[type=submit]')
    const alert = p.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Dit wachtwoord is te makkelijk te raden')
    await p.screenshot({ path: path.join(RESULTS, 'e2e-password-weak-nl.png'), fullPage: true })
    await p.getByRole('button', { name: 'EN', exact: true }).click()
    await expect.poll(() => alert.textContent()).toContain('This password is too easy to guess')
    expect(await p.locator('#setup-password-hint').textContent()).toContain('not a common or predictable password')

    await p.fill('input[name=password]', 'een lang en sterk wachtwoord 2026')
    await p.click('button[type=submit]')
    await p.waitForSelector('.bp-account')
    expect((await server.storage.users.getByEmail('anna@themagroep.nl'))?.role).toBe('coordinator')
  }, 60_000)
})
