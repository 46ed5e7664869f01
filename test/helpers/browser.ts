/**
 * Real Chromium for e2e tests: one browser process per simulated user (two
 * tabs of one headless browser throttle each other's animation frames), each
 * with its own profile directory, and a log of every request it makes.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
]

export interface TestBrowser {
  context: BrowserContext
  page: Page
  /** Every URL this browser requested, in order. */
  requests: string[]
  close(): Promise<void>
}

export interface LaunchOptions {
  viewport?: { width: number; height: number }
  /** A touch device (phone): touch events and a coarse pointer. */
  touch?: boolean
  /** Seeds localStorage before any page script runs (e.g. the UI language). */
  localStorage?: Record<string, string>
}

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`)
  }
}

/** Starts a separate headless Chromium with a fresh persistent profile. */
export async function launchBrowser(opts: LaunchOptions = {}): Promise<TestBrowser> {
  assertChromium()
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bp-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    locale: 'nl-NL',
    ...(opts.touch ? { hasTouch: true, isMobile: true } : {}),
  })
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  if (opts.localStorage) {
    await context.addInitScript((entries: Record<string, string>) => {
      for (const [key, value] of Object.entries(entries)) {
        if (localStorage.getItem(key) === null) localStorage.setItem(key, value)
      }
    }, opts.localStorage)
  }
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    requests,
    async close() {
      await context.close().catch(() => {})
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Requests that went anywhere but this machine (data: and blob: URLs stay local). */
export function externalRequests(requests: readonly string[]): string[] {
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return false
    try {
      const { hostname } = new URL(url)
      return !['localhost', '127.0.0.1', '[::1]', '::1'].includes(hostname)
    } catch {
      return true
    }
  })
}
