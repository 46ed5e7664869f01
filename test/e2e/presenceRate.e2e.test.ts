/**
 * S61 in real Chromium: a board whose cursor moves without pause publishes
 * its presence at most 30 times a second while someone else is in the room
 * (the screen's frame rate would be 60): the server's room counts the
 * presence updates it receives from the browser, and a stock y-websocket
 * client in the room (shown as a collaborator: tldraw tracks the pointer only
 * while someone else is there) gets the cursor where it stopped.
 */
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRESENCE_FPS_TOGETHER } from '../../client/sync/presenceRate'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { openBoardAs, waitForBoard } from '../helpers/boardAccess'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'

describe('presence rate (S61)', () => {
  let server: TestServer
  let browser: TestBrowser
  let observer: YClient

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    server = await startTestServer({ clientDir: CLIENT_DIR })
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } })
  })

  afterAll(async () => {
    observer?.destroy()
    await browser?.close()
    await server?.close()
  })

  it('[S61] a cursor moving without pause for 2 s is sent to the server at most 30 times a second, and where it stopped reaches the others', async () => {
    const { id } = await server.createSession({ title: 'Cursors' })
    observer = connectYClient(server.wsUrl, id)
    await observer.synced
    const page = browser.page
    await openBoardAs(page, { baseUrl: server.url, adminToken: TEST_ADMIN_TOKEN, sessionId: id, name: 'Mila Muis', organisation: 'Vilans' })
    await waitForBoard(page)
    const browserClient = await page.evaluate(() => window.__brownpaper!.provider.awareness.clientID)
    const awareness = observer.provider.awareness
    const cursorOf = () => (awareness.getStates().get(browserClient) as { presence?: { cursor?: { x: number; y: number } } } | undefined)?.presence?.cursor
    await expect.poll(() => cursorOf() !== undefined, { timeout: 10_000 }).toBe(true)
    // The observer shows itself as a collaborator (a tldraw presence of its own): tldraw tracks the
    // pointer only while someone else is there to see it.
    const theirs = (awareness.getStates().get(browserClient) as { presence: Record<string, unknown> }).presence
    awareness.setLocalStateField('presence', { ...theirs, id: `instance_presence:${awareness.clientID}`, userId: 'user:waarnemer', userName: 'Waarnemer' })
    await expect.poll(() => page.evaluate(() => window.__brownpaper!.editor.getCollaborators().length), { timeout: 10_000 }).toBe(1)

    // Counted where they arrive: the server's room applies each presence update the browser sends.
    const room = server.rooms.get(id)!
    let received = 0
    const count = ({ added, updated }: { added: number[]; updated: number[] }) => {
      if ([...added, ...updated].includes(browserClient)) received++
    }
    room.awareness.on('update', count)
    const started = Date.now()
    let x = 300
    // As fast as the browser takes them: far more moves than the screen has frames.
    let moves = 0
    while (Date.now() - started < 2_000) {
      x = x >= 900 ? 300 : x + 3
      // Chromium takes about one pointer event per frame (60 a second): twice the rate S61 allows.
      await page.mouse.move(x, 400, { steps: 4 })
      moves += 4
    }
    const seconds = (Date.now() - started) / 1000
    const last = await page.evaluate((sx) => window.__brownpaper!.editor.screenToPage({ x: sx, y: 400 }), x)
    // The last position arrives (the publish after the last move).
    await expect.poll(() => cursorOf()?.x, { timeout: 5_000 }).toBeCloseTo(last.x, 3)
    room.awareness.off('update', count)
    console.log(`${moves} pointer moves in ${seconds.toFixed(2)} s; the server received ${received} presence updates`)
    expect(moves).toBeGreaterThan(1.5 * PRESENCE_FPS_TOGETHER * seconds)
    expect(received).toBeGreaterThan(5)
    // One publish of slack: the final position may come just after the window.
    expect(received).toBeLessThanOrEqual(Math.ceil((seconds + 0.1) * PRESENCE_FPS_TOGETHER) + 1)
  })
})
