/**
 * A whole facilitated session in real Chromium, one browser process per
 * person: a coördinator (laptop) and three deelnemers — Anna and Bert on
 * phones (touch, 390 px), Carla on a laptop — phase by phase. Two clocks are
 * set wrong on purpose (Anna +37 s, Carla −12 s): the timer still agrees.
 * Screenshots of all four at every phase in test-results/e2e-facil-session-*.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/app'
import { openBoardAs, waitForBoard } from '../helpers/boardAccess'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'

const ADMIN_TOKEN = 'e2e-admin-token-facil-session-0123456789'
const PASSWORD = 'correct horse battery staple'
const ANNA_TEXT = 'Geen eigen betaaltitel voor de SO buiten het verpleeghuis'
const CARLA_TEXT = 'Huisarts en SO kennen elkaars rol niet'
const CONCLUSIE = 'Eén betaaltitel binnen één domein'

/** Every text on the board, and the whole shared doc as JSON: a private sticky must be in neither. */
function boardText(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(window.__brownpaper?.doc.toJSON() ?? {}))
}

async function noteIdWithText(page: Page, text: string): Promise<string | null> {
  return page.evaluate(
    (t) => window.__brownpaper?.editor.getCurrentPageShapes().find((s) => s.type === 'note' && JSON.stringify(s.props).includes(t))?.id ?? null,
    text,
  )
}

/** Shifts this browser's clock (Date.now) by `ms` before any page script runs. */
async function skewClock(browser: TestBrowser, ms: number): Promise<void> {
  await browser.context.addInitScript((shift: number) => {
    const realNow = Date.now.bind(Date)
    Date.now = () => realNow() + shift
  }, ms)
}

describe('a whole facilitated session', () => {
  let dataDir: string
  let server: RunningServer
  let coordinator: TestBrowser
  let anna: TestBrowser
  let bert: TestBrowser
  let carla: TestBrowser
  const all = () => [
    ['coordinator', coordinator.page],
    ['anna-phone', anna.page],
    ['bert-phone', bert.page],
    ['carla-laptop', carla.page],
  ] as const
  const shootAll = async (phase: string) => {
    for (const [who, page] of all()) await page.screenshot({ path: path.join(RESULTS, `e2e-facil-session-${phase}-${who}.png`) })
  }

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-session-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR, adminToken: ADMIN_TOKEN })
    coordinator = await launchBrowser()
    anna = await launchBrowser({ viewport: { width: 390, height: 844 }, touch: true })
    bert = await launchBrowser({ viewport: { width: 390, height: 844 }, touch: true })
    carla = await launchBrowser()
    await skewClock(anna, 37_000)
    await skewClock(carla, -12_000)
  })

  afterAll(async () => {
    for (const b of [coordinator, anna, bert, carla]) await b?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('[F1] [F2] [F3] [F5] [F6] [F7] [F8] [F10] [F11] [F12] [F13] [F16] [V26] phases, a shared timer, private writing, votes within budget, summon, conclusies and the verslag', { timeout: 240_000 }, async () => {
    // The coördinator sets up an account and creates a session from the "twee kolommen" template.
    const c = coordinator.page
    await c.goto(`${server.url}/setup?token=${await server.access.issueSetupToken()}`)
    await c.fill('input[name=name]', 'Corinne Coördinator')
    await c.fill('input[name=email]', 'corinne@themagroep.nl')
    await c.fill('input[name=password]', PASSWORD)
    await c.click('button[type=submit]')
    await c.waitForSelector('.bp-account')
    await c.fill('input[name=title]', 'Brownpapersessie SO buiten het verpleeghuis')
    await c.fill('input[name=themagroep]', 'Bekostiging SO buiten het verpleeghuis')
    await c.waitForSelector('select[name=template] option[value="twee-kolommen"]', { state: 'attached' })
    await c.selectOption('select[name=template]', 'twee-kolommen')
    await c.click('.bp-start__create button[type=submit]')
    await c.waitForURL(/\/s\/[A-Za-z0-9_-]+$/)
    const sessionId = new URL(c.url()).pathname.split('/').pop()!
    await waitForBoard(c)

    const access = { baseUrl: server.url, adminToken: ADMIN_TOKEN, sessionId }
    await openBoardAs(anna.page, { ...access, name: 'Anna de Vries', organisation: 'Verenso' })
    await openBoardAs(bert.page, { ...access, name: 'Bert Bos', organisation: 'LHV' })
    await openBoardAs(carla.page, { ...access, name: 'Carla Cohen', organisation: 'ActiZ' })
    for (const [, page] of all()) await waitForBoard(page)

    // voorbereiden: phase and instruction on every board.
    for (const [, page] of all()) await expect.poll(() => page.locator('[data-testid="phase"]').innerText()).toBe('Voorbereiden')
    expect(await anna.page.locator('[data-testid="instruction"]').innerText()).toContain('De sessie begint zo')
    // Deelnemers get no controls.
    expect(await anna.page.locator('.bp-facil__controls').count()).toBe(0)
    await shootAll('1-voorbereiden')

    // stil-schrijven with a five-minute timer.
    await c.click('.bp-facil__controls summary')
    await c.selectOption('[data-testid="phase-select"]', 'stil-schrijven')
    await c.fill('[data-testid="timer-minutes"]', '5')
    await c.click('[data-testid="timer-start"]')
    await c.click('.bp-facil__controls summary')
    for (const [, page] of all()) {
      await expect.poll(() => page.locator('[data-testid="phase"]').innerText(), { timeout: 10_000 }).toBe('Stil schrijven')
      await page.waitForSelector('[data-testid="timer"]')
    }
    // In sync: the moment each board says the timer ends, on the real clock, within a second of each other.
    await Promise.all(all().map(([, page]) => page.waitForFunction(() => Number(document.querySelector('[data-remaining-ms]')?.getAttribute('data-remaining-ms')) < 299_500)))
    const ends = await Promise.all(
      all().map(([, page]) =>
        page.evaluate(() => {
          const remaining = Number(document.querySelector('[data-remaining-ms]')?.getAttribute('data-remaining-ms'))
          return performance.timeOrigin + performance.now() + remaining
        }),
      ),
    )
    expect(Math.max(...ends) - Math.min(...ends)).toBeLessThan(1000)
    const shown = await Promise.all(all().map(([, page]) => page.locator('[data-testid="timer"]').innerText()))
    for (const text of shown) expect(text).toMatch(/^4:5\d|^5:00$/)

    // Anna writes on her phone in the private tray; Carla presses "s" on her laptop and types.
    const a = anna.page
    await a.waitForSelector('[data-testid="private-tray"]')
    await a.fill('[data-testid="private-tray"] textarea', ANNA_TEXT)
    await a.tap('[data-testid="private-add"]')
    await a.waitForSelector(`[data-private-sticky="${ANNA_TEXT}"]`)
    const l = carla.page
    await l.waitForSelector('[data-testid="private-tray"]')
    // tldraw's own note tool makes no sticky on the shared board now: the tray takes the text instead.
    const notesBefore = await l.evaluate(() => window.__brownpaper!.editor.getCurrentPageShapes().filter((s) => s.type === 'note').length)
    await l.click('[data-testid="tools.note"]')
    await l.mouse.click(640, 450)
    await l.waitForFunction(() => document.activeElement?.id === 'bp-private-text')
    expect(await l.evaluate(() => window.__brownpaper!.editor.getCurrentPageShapes().filter((s) => s.type === 'note').length)).toBe(notesBefore)
    await l.locator('#bp-private-text').blur()
    await l.keyboard.press('s')
    await l.waitForFunction(() => document.activeElement?.id === 'bp-private-text')
    await l.keyboard.type(CARLA_TEXT)
    await l.click('[data-testid="private-tray"] [role="radio"]:has-text("Belemmerend")')
    await l.click('[data-testid="private-add"]')
    await l.waitForSelector(`[data-private-sticky="${CARLA_TEXT}"]`)
    // Everyone sees the counts per person, nobody else the texts.
    for (const [, page] of all()) {
      await expect.poll(() => page.locator('[data-testid="private-counts"]').innerText().catch(() => '')).toContain('Anna de Vries: 1')
      expect(await page.locator('[data-testid="private-counts"]').innerText()).toContain('Carla Cohen: 1')
    }
    for (const page of [c, bert.page, l]) expect(await boardText(page)).not.toContain(ANNA_TEXT)
    for (const page of [c, bert.page, a]) expect(await boardText(page)).not.toContain(CARLA_TEXT)
    // The note tool's attempt never reached the board: the coördinator has as many notes as before (none).
    expect(await c.evaluate(() => window.__brownpaper!.editor.getCurrentPageShapes().filter((s) => s.type === 'note').length)).toBe(notesBefore)
    expect(await noteIdWithText(c, ANNA_TEXT)).toBeNull()
    await shootAll('2-stil-schrijven')

    // delen: the private stickies go on the board for everyone.
    await c.click('.bp-facil__controls summary')
    await c.selectOption('[data-testid="phase-select"]', 'delen')
    for (const [, page] of all()) {
      await expect.poll(() => noteIdWithText(page, ANNA_TEXT), { timeout: 10_000 }).not.toBeNull()
      await expect.poll(() => noteIdWithText(page, CARLA_TEXT), { timeout: 10_000 }).not.toBeNull()
    }
    expect(await a.locator('[data-testid="private-tray"]').count()).toBe(0)
    await shootAll('3-delen')

    // Summon: the coördinator looks at the "Belemmerend" sheet and brings everyone there.
    const target = await c.evaluate(() => {
      const editor = window.__brownpaper!.editor
      const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && (s.props as { name: string }).name === 'Belemmerend')!
      editor.zoomToBounds(editor.getShapePageBounds(frame)!, { animation: { duration: 0 } })
      const b = editor.getShapePageBounds(frame)!
      return { x: b.x, y: b.y, w: b.w, h: b.h }
    })
    await c.click('[data-testid="summon"]')
    await c.click('.bp-facil__controls summary')
    for (const page of [a, bert.page, l]) {
      await expect
        .poll(
          () =>
            page.evaluate((t) => {
              const center = window.__brownpaper!.editor.getViewportPageBounds().center
              return center.x > t.x && center.x < t.x + t.w && center.y > t.y && center.y < t.y + t.h
            }, target),
          { timeout: 10_000 },
        )
        .toBe(true)
    }
    await shootAll('4-summon')

    // stemmen: three dots each; Bert's fourth is refused with a sentence, not a code.
    await c.click('.bp-facil__controls summary')
    await c.selectOption('[data-testid="phase-select"]', 'stemmen')
    await c.click('.bp-facil__controls summary')
    const b = bert.page
    await expect.poll(() => b.locator('[data-testid="phase"]').innerText()).toBe('Stemmen')
    const annaNote = (await noteIdWithText(b, ANNA_TEXT))!
    await b.evaluate((id) => {
      const editor = window.__brownpaper!.editor
      editor.zoomToBounds(editor.getShapePageBounds(id as never)!, { inset: 80, animation: { duration: 0 } })
    }, annaNote)
    const dot = b.locator(`[data-shape-id="${annaNote}"] [data-vote="add"]`)
    for (let i = 1; i <= 3; i++) {
      await dot.tap()
      await expect.poll(() => b.locator(`[data-shape-id="${annaNote}"] [data-my-votes]`).getAttribute('data-my-votes')).toBe(String(i))
    }
    await expect.poll(() => b.locator('[data-testid="votes-left"]').getAttribute('data-votes-left')).toBe('0')
    await dot.tap()
    await expect.poll(() => b.locator('.bp-facil__error').innerText()).toContain('al je stippen gebruikt')
    expect(await b.locator('.bp-facil__error').innerText()).not.toMatch(/409|vote_budget/)
    // Carla votes once on her own sticky.
    const carlaNote = (await noteIdWithText(l, CARLA_TEXT))!
    await l.evaluate((id) => {
      const editor = window.__brownpaper!.editor
      editor.zoomToBounds(editor.getShapePageBounds(id as never)!, { inset: 120, animation: { duration: 0 } })
    }, carlaNote)
    await l.locator(`[data-shape-id="${carlaNote}"] [data-vote="add"]`).click()
    // Everyone sees the totals: 3 on Anna's, 1 on Carla's; the ranking puts Anna's first.
    for (const [, page] of all()) {
      await expect
        .poll(() => page.evaluate((id) => Object.values((window.__brownpaper!.editor.getShape(id as never)?.meta.votes ?? {}) as Record<string, number>).reduce((x, y) => x + y, 0), annaNote))
        .toBe(3)
    }
    await c.click('[data-testid="ranking"] summary')
    await expect.poll(() => c.locator('[data-testid="ranking"] li').first().getAttribute('data-ranked')).toBe(ANNA_TEXT)
    await expect.poll(() => c.locator('[data-testid="ranking"] li').evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-rank')}:${li.getAttribute('data-ranked')}:${li.getAttribute('data-votes')}`))).toEqual([`1:${ANNA_TEXT}:3`, `2:${CARLA_TEXT}:1`])
    await shootAll('5-stemmen')

    // concluderen: the coördinator writes a conclusie from the keyboard.
    await c.click('.bp-facil__controls summary')
    await c.selectOption('[data-testid="phase-select"]', 'concluderen')
    await c.click('.bp-facil__controls summary')
    await c.click('.tl-canvas', { position: { x: 40, y: 40 } })
    await c.keyboard.press('4')
    await c.keyboard.press('s')
    await c.waitForFunction(() => window.__brownpaper?.editor.getEditingShapeId() != null)
    // The note's text field mounts a moment after editing starts: type only once it has the focus.
    await c.waitForFunction(() => (document.activeElement as HTMLElement | null)?.isContentEditable === true)
    await c.keyboard.type(CONCLUSIE)
    await c.keyboard.press('Escape')
    for (const [, page] of all()) await expect.poll(() => noteIdWithText(page, CONCLUSIE), { timeout: 10_000 }).not.toBeNull()
    await shootAll('6-concluderen')

    await c.click('.bp-facil__controls summary')
    await c.selectOption('[data-testid="phase-select"]', 'afgerond')
    await c.click('.bp-facil__controls summary')
    for (const [, page] of all()) await expect.poll(() => page.locator('[data-testid="phase"]').innerText()).toBe('Afgerond')
    await shootAll('7-afgerond')

    // The verslag lists the votes and the agenda of the phases.
    const md = await (await fetch(`${server.url}/api/sessions/${sessionId}/verslag.md`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).text()
    expect(md).toContain(`${ANNA_TEXT} _(3 stemmen)_`)
    expect(md).toContain(`${CARLA_TEXT} _(1 stem)_`)
    // [V26] … and ranks them in a "Stemmen" table after the sections: Anna's first with 3, Carla's second with 1.
    const stemmen = md.slice(md.indexOf('## Stemmen'))
    expect(md.indexOf('## Stemmen')).toBeGreaterThan(md.indexOf(CONCLUSIE))
    expect(stemmen).toMatch(new RegExp(`\\| 1 \\| ${ANNA_TEXT} \\| [^|]+ \\| [^|]* \\| 3 \\|\\n\\| 2 \\| ${CARLA_TEXT} \\| [^|]+ \\| [^|]* \\| 1 \\|`))
    expect(md).toContain(CONCLUSIE)
    expect(md).toContain('Stil schrijven (10 min)')
    expect(md).toContain('Stemmen (10 min)')
  })
})
