/**
 * tldraw's license key (SPEC M15): `TLDRAW_LICENSE_KEY` reaches the board at
 * run time and tldraw's "Get a license for production" button is gone.
 *
 * Only tldraw can sign a real key, so the test makes its own key pair, signs a
 * license for 127.0.0.1 with it in tldraw's format, and serves the built client
 * with tldraw's public key swapped for the test's own (a route in the browser;
 * nothing else changes). tldraw then verifies the key as it verifies a real
 * one: only a key that reached `<Tldraw licenseKey>` makes the board licensed.
 */
import { generateKeyPairSync, sign } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { openBoardAs } from '../helpers/boardAccess'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'

/** The public key tldraw 5 verifies license keys with (LicenseManager.publicKey). */
const TLDRAW_PUBLIC_KEY = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEHJh0uUfxHtCGyerXmmatE368Hd9rI6LH9oPDQihnaCryRFWEVeOvf9U/SPbyxX74LFyJs5tYeAHq5Nc0Ax25LQ'
/** tldraw's FLAGS.ANNUAL_LICENSE: a plain license that runs until its expiry date. */
const ANNUAL_LICENSE = 1

const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
const TEST_PUBLIC_KEY = keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')

/** A license key in tldraw's format ("tldraw-<id>/<base64 data>.<base64 P1363 signature>"), signed with the test's key. */
function testLicenseKey(hosts: string[]): string {
  for (let n = 0; ; n++) {
    const json = JSON.stringify([`brownpaper-test-${n}`, hosts, ANNUAL_LICENSE, '2099-12-31'])
    const data = Buffer.from(json, 'latin1').toString('base64')
    // tldraw splits the key at "/" and "."; base64 data with a "/" would not read back.
    if (data.includes('/')) continue
    const signature = sign('sha256', Buffer.from(json, 'latin1'), { key: keys.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64')
    return `tldraw-test/${data}.${signature}`
  }
}

/** Serves the built client with tldraw's public key swapped for the test's; counts the scripts that held it. */
async function trustTestKey(page: Page): Promise<{ swapped: number }> {
  const counter = { swapped: 0 }
  await page.route(/\/assets\/.*\.js$/, async (route) => {
    const response = await route.fetch()
    const body = await response.text()
    if (!body.includes(TLDRAW_PUBLIC_KEY)) return route.fulfill({ response, body })
    counter.swapped++
    return route.fulfill({ response, body: body.split(TLDRAW_PUBLIC_KEY).join(TEST_PUBLIC_KEY) })
  })
  return counter
}

/** The state tldraw's license check settles on ("licensed", "unlicensed", …), read from the board's editor. */
async function licenseState(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    () => {
      const manager = (window.__brownpaper?.editor as unknown as { licenseManager?: { state: { get(): string } } } | undefined)?.licenseManager
      const state = manager?.state.get()
      return state && state !== 'pending' ? state : null
    },
    undefined,
    { timeout: 30_000 },
  )
  return (await handle.jsonValue()) as string
}

describe('tldraw license key (M15)', () => {
  let licensed: TestServer
  let unlicensed: TestServer
  let browser: TestBrowser

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    licensed = await startTestServer({ clientDir: CLIENT_DIR, tldrawLicenseKey: testLicenseKey(['127.0.0.1', 'localhost']) })
    unlicensed = await startTestServer({ clientDir: CLIENT_DIR })
    browser = await launchBrowser({ viewport: { width: 1280, height: 800 } })
  })

  afterAll(async () => {
    await browser?.close()
    await licensed?.close()
    await unlicensed?.close()
  })

  it('[M15] with TLDRAW_LICENSE_KEY set the board hands the key to tldraw: it verifies it and shows no license button', async () => {
    const page = browser.page
    const trust = await trustTestKey(page)
    const { id } = await licensed.createSession({ title: 'Met licentie' })
    await openBoardAs(page, { baseUrl: licensed.url, adminToken: TEST_ADMIN_TOKEN, sessionId: id, name: 'Dirk', organisation: 'Zorgkantoor' })
    expect(await licenseState(page)).toBe('licensed')
    // The license check ran on the swapped key: the state above came from verifying this key.
    expect(trust.swapped).toBeGreaterThan(0)
    await page.waitForSelector('.tl-canvas')
    expect(await page.locator('[data-testid="tl-watermark-unlicensed"]').count()).toBe(0)
    expect(await page.getByText('Get a license for production').count()).toBe(0)
    await page.screenshot({ path: path.join(RESULTS, 'e2e-license-licensed.png') })
    await page.unroute(/\/assets\/.*\.js$/)
  })

  it('[M15] without a key (same client, same trusted public key) tldraw shows its license button', async () => {
    const page = browser.page
    const trust = await trustTestKey(page)
    // A fresh page load, so that the scripts are fetched through the route again.
    await page.goto('about:blank')
    const { id } = await unlicensed.createSession({ title: 'Zonder licentie' })
    await openBoardAs(page, { baseUrl: unlicensed.url, adminToken: TEST_ADMIN_TOKEN, sessionId: id, name: 'Dirk', organisation: 'Zorgkantoor' })
    expect(await licenseState(page)).toBe('unlicensed')
    expect(trust.swapped).toBeGreaterThan(0)
    await page.locator('[data-testid="tl-watermark-unlicensed"]').waitFor({ state: 'attached', timeout: 15_000 })
    expect(await page.getByText('Get a license for production').count()).toBe(1)
    await page.unroute(/\/assets\/.*\.js$/)
  })
})
