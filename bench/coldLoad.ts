/**
 * Cold load of a big board in Chromium (SPEC M12) and the phone page's
 * weight (M1): for a 500- and a 2,000-sticky board, the time from opening
 * the board URL in a fresh browser (empty cache, no IndexedDB copy) until
 * its stickies are drawn; and the bytes a phone loads from the invite link
 * until the phone page is usable. Called from bench/run.ts; prints, asserts
 * nothing. Needs the built client (dist/client): built here when missing.
 */
import { execSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { meterTransfer, PHONE_WEIGHT_STICKIES, startWireMeter, type TransferTotals, type WireTotals } from '../test/helpers/pageWeight'
import { ServerProcess } from './ServerProcess'
import { bigBoard } from './verslagExport'

const ADMIN_TOKEN = 'bench-cold-load-admin-token-0123456789'
const ROOT = path.resolve(import.meta.dirname, '..')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const RUNS = 3

async function api(server: ServerProcess, method: string, route: string, body?: unknown): Promise<Response> {
  return fetch(`${server.httpUrl}${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

/** A session holding `stickies` notes over 10 sheets, written through a stock y-websocket client. */
export async function boardOf(server: ServerProcess, stickies: number): Promise<string> {
  const created = await api(server, 'POST', '/api/sessions', { title: `Cold load ${stickies}`, themagroep: 'Bench', sheets: [] })
  const { id } = (await created.json()) as { id: string }
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(server.wsUrl, id, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token: ADMIN_TOKEN },
    disableBc: true,
  })
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(bigBoard(stickies)))
  // The server has stored it once a second client sees every note.
  const check = new Y.Doc()
  const checker = new WebsocketProvider(server.wsUrl, id, check, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, params: { token: ADMIN_TOKEN }, disableBc: true })
  await new Promise<void>((resolve) => checker.once('sync', () => resolve()))
  checker.destroy()
  provider.destroy()
  return id
}

/** The cookies of a participant who joined through an invite (POST /api/join), for a browser context. */
async function joinCookies(server: ServerProcess, sessionId: string): Promise<{ name: string; value: string; url: string }[]> {
  const invite = (await (await api(server, 'POST', `/api/sessions/${sessionId}/invites`, { role: 'deelnemer' })).json()) as { token: string }
  const joined = await fetch(`${server.httpUrl}/api/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: invite.token, name: 'Bench', organisation: 'Bench' }),
  })
  return joined.headers.getSetCookie().map((line) => {
    const [pair] = line.split(';')
    const [name, ...value] = pair!.split('=')
    return { name: name!.trim(), value: value.join('='), url: server.httpUrl }
  })
}

async function freshBrowser(viewport: { width: number; height: number }, touch = false): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bp-bench-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    viewport,
    ...(touch ? { hasTouch: true, isMobile: true } : {}),
  })
  return {
    context,
    async close() {
      await context.close().catch(() => {})
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export interface ColdLoad {
  /** From opening the board URL until the notes are drawn. */
  ms: number
  /** Page-time milestones (ms since navigation): board chunk loaded, first sync, store bound, editor mounted, drawn. */
  steps: Record<string, number>
}

/** Opening the board until `count` notes are in the editor and drawn on the page; `profile` writes a CPU profile there. */
export async function coldLoad(server: ServerProcess, sessionId: string, count: number, profile?: string): Promise<ColdLoad> {
  const browser = await freshBrowser({ width: 1400, height: 900 })
  try {
    await browser.context.addCookies(await joinCookies(server, sessionId))
    const page = browser.context.pages()[0] ?? (await browser.context.newPage())
    const cdp = profile ? await browser.context.newCDPSession(page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
      await cdp.send('Profiler.start')
    }
    const started = Date.now()
    await page.goto(`${server.httpUrl}/s/${sessionId}`)
    await page.waitForFunction(
      (n) => {
        const editor = window.__brownpaper?.editor
        if (!editor) return false
        const notes = editor.getCurrentPageShapes().filter((s) => s.type === 'note').length
        return notes >= n && document.querySelector('.tl-shape[data-shape-type="note"]') !== null
      },
      count,
      { timeout: 240_000, polling: 50 },
    )
    const ms = Date.now() - started
    if (cdp && profile) {
      const { profile: data } = await cdp.send('Profiler.stop')
      writeFileSync(profile, JSON.stringify(data))
    }
    const steps = await page.evaluate(() => {
      const at: Record<string, number> = {}
      const chunk = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => /SessionPage-.*\.js$/.test(e.name))
      if (chunk) at.chunk = Math.round(chunk.responseEnd)
      for (const mark of performance.getEntriesByType('mark')) if (mark.name.startsWith('bp:')) at[mark.name.slice(3)] = Math.round(mark.startTime)
      at.drawn = Math.round(performance.now())
      return at
    })
    return { ms, steps }
  } finally {
    await browser.close()
  }
}

/** What a phone receives from opening an invite link until the phone page is usable (SPEC M1). */
export interface PhoneWeight {
  /** Counted on the wire by a TCP proxy: HTTP (bodies brotli/gzip where compressed, headers) and websocket frames (permessage-deflate where compressed). */
  wire: WireTotals
  /** Chromium's account, for comparison: HTTP as received, websocket payloads decompressed. */
  chromium: TransferTotals
}

async function phoneBytes(server: ServerProcess, sessionId: string): Promise<PhoneWeight> {
  const browser = await freshBrowser({ width: 390, height: 844 }, true)
  const wire = await startWireMeter(server.httpUrl)
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage())
    const meter = await meterTransfer(page)
    const invite = (await (await api(server, 'POST', `/api/sessions/${sessionId}/invites`, { role: 'deelnemer' })).json()) as { token: string }
    await page.goto(`${wire.url}/join/${invite.token}`)
    await page.fill('input[name=name]', 'Bench')
    await page.fill('input[name=organisation]', 'Bench')
    await page.click('button[type=submit]')
    await page.locator('.bp-phone__compose button[type=submit]').waitFor({ timeout: 30_000 })
    const weight = { wire: wire.read(), chromium: meter.read() }
    await meter.stop()
    return weight
  } finally {
    await browser.close()
    await wire.close()
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`

/** One line: the asserted total and what it is made of. */
export function describePhoneWeight(stickies: number, weight: PhoneWeight): string {
  const { wire, chromium } = weight
  return (
    `phone page until usable, ${stickies}-sticky board: ${kB(wire.http + wire.websocket)} on the wire ` +
    `(HTTP ${kB(wire.http)} as sent: bodies brotli/gzip, headers included, ${chromium.requests} responses; websocket ${kB(wire.websocket)} as sent, permessage-deflate; ` +
    `its messages ${kB(chromium.websocketPayload)} uncompressed); budget 200 kB`
  )
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function benchColdLoad(): Promise<void> {
  console.log('\nBoard cold load in Chromium (fresh profile, empty cache), until the stickies are drawn; and the phone page')
  if (!existsSync(CHROMIUM)) {
    console.log(`  skipped: no Chromium at ${CHROMIUM}`)
    return
  }
  if (!existsSync(path.join(ROOT, 'dist', 'client', 'index.html'))) execSync('npx vite build', { cwd: ROOT, stdio: 'ignore' })
  const server = await ServerProcess.ours(ADMIN_TOKEN)
  try {
    const small = await boardOf(server, PHONE_WEIGHT_STICKIES)
    console.log(`  ${describePhoneWeight(PHONE_WEIGHT_STICKIES, await phoneBytes(server, small))}`)
    for (const stickies of [500, 2000]) {
      const id = await boardOf(server, stickies)
      if (stickies === 2000) console.log(`  ${describePhoneWeight(stickies, await phoneBytes(server, id))}`)
      console.log(`  ${await medianColdLoad(server, id, stickies)}`)
    }
  } finally {
    await server.stop()
  }
}

/** The median of `runs` cold loads of one board, with the median run's milestones. */
async function medianColdLoad(server: ServerProcess, id: string, stickies: number, runs = RUNS): Promise<string> {
  const all: ColdLoad[] = []
  for (let run = 0; run < runs; run++) all.push(await coldLoad(server, id, stickies))
  const mid = all.find((r) => r.ms === median(all.map((x) => x.ms)))!
  const steps = Object.entries(mid.steps)
    .map(([name, at]) => `${name} ${at}`)
    .join(', ')
  return `${String(stickies).padStart(5)} stickies: median ${mid.ms} ms (runs: ${all.map((r) => r.ms).join(', ')} ms; median run in page ms: ${steps})`
}

/**
 * By hand (the built client and server are used when present):
 * - `COLD_LOAD_PROFILE=/tmp/x.cpuprofile npx tsx bench/coldLoad.ts`: one profiled cold load of 2,000 stickies;
 * - `COLD_LOAD=phone npx tsx bench/coldLoad.ts`: the phone page's weight only;
 * - `COLD_LOAD=2000 [COLD_LOAD_RUNS=5] npx tsx bench/coldLoad.ts`: the cold loads of one board size only;
 * - otherwise what `npm run bench` prints.
 */
async function byHand(): Promise<void> {
  const profileAt = process.env.COLD_LOAD_PROFILE
  const only = process.env.COLD_LOAD
  if (!profileAt && !only) return benchColdLoad()
  const server = await ServerProcess.ours(ADMIN_TOKEN)
  try {
    if (profileAt) {
      const id = await boardOf(server, 2000)
      console.log(await coldLoad(server, id, 2000, profileAt))
    } else if (only === 'phone') {
      console.log(describePhoneWeight(PHONE_WEIGHT_STICKIES, await phoneBytes(server, await boardOf(server, PHONE_WEIGHT_STICKIES))))
    } else {
      const stickies = Number(only)
      console.log(await medianColdLoad(server, await boardOf(server, stickies), stickies, Number(process.env.COLD_LOAD_RUNS ?? RUNS)))
    }
  } finally {
    await server.stop()
  }
}

if (process.argv[1] === import.meta.filename) {
  byHand().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
