/**
 * F20, F21 in real Chromium: choosing the tag of the next sticky never
 * retags the previous one — from the keyboard on a laptop and with taps on a
 * touch phone — and new stickies land in free cells of the sheet in view.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../server/app'
import { apiAsAdmin, openBoardAs, waitForBoard } from '../helpers/boardAccess'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'

const ADMIN_TOKEN = 'e2e-admin-token-facil-0123456789abcdef'

interface Note {
  text: string
  tag: unknown
  parentId: string
  x: number
  y: number
}

function notes(page: Page): Promise<Note[]> {
  return page.evaluate(() =>
    (window.__brownpaper?.editor.getCurrentPageShapes() ?? [])
      .filter((s) => s.type === 'note')
      .map((s) => ({ text: JSON.stringify(s.props), tag: s.meta.tag, parentId: s.parentId, x: s.x, y: s.y })),
  )
}

async function session(server: RunningServer, title: string): Promise<string> {
  const res = await apiAsAdmin(server.url, ADMIN_TOKEN, '/api/sessions', { title, themagroep: 'Bekostiging SO buiten het verpleeghuis' })
  return ((await res.json()) as { id: string }).id
}

describe('tagging without surprises', () => {
  let dataDir: string
  let server: RunningServer
  let laptop: TestBrowser
  let phone: TestBrowser

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-facil-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR, adminToken: ADMIN_TOKEN })
    laptop = await launchBrowser()
    phone = await launchBrowser({ viewport: { width: 390, height: 844 }, touch: true })
  })

  afterAll(async () => {
    await laptop?.close()
    await phone?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('[F21] [F20] keyboard: a digit after writing a sticky picks the next tag only; the previous sticky keeps its tag; Alt+digit retags; no two stickies overlap', async () => {
    const id = await session(server, 'Tags toetsenbord')
    const p = laptop.page
    await openBoardAs(p, { baseUrl: server.url, adminToken: ADMIN_TOKEN, sessionId: id, name: 'Karin', organisation: 'Verenso' })
    await waitForBoard(p)
    const write = async (text: string) => {
      await p.keyboard.press('s')
      await p.waitForFunction(() => window.__brownpaper?.editor.getEditingShapeId() != null)
      // The note's text field mounts a moment after editing starts: type only once it has the focus.
      await p.waitForFunction(() => (document.activeElement as HTMLElement | null)?.isContentEditable === true)
      // TipTap places its caret in the frame after it takes the focus: a key typed before lands elsewhere.
      await p.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
      await p.keyboard.type(text)
      await p.keyboard.press('Escape')
      await p.waitForFunction(() => window.__brownpaper?.editor.getEditingShapeId() == null)
    }
    await p.keyboard.press('2')
    await write('Eerste belemmerend')
    // Still selected: the digit now only chooses the tag for the next sticky.
    await p.keyboard.press('1')
    await write('Tweede bevorderend')
    await p.keyboard.press('3')
    await write('Derde afspraak')
    const made = await notes(p)
    expect(made.map((n) => [JSON.parse(n.text).richText.content[0].content[0].text, n.tag])).toEqual([
      ['Eerste belemmerend', 'belemmerend'],
      ['Tweede bevorderend', 'bevorderend'],
      ['Derde afspraak', 'afspraak'],
    ])
    // All in one sheet (the one in view), none overlapping.
    expect(new Set(made.map((n) => n.parentId)).size).toBe(1)
    expect(made[0]!.parentId.startsWith('shape:')).toBe(true)
    for (let i = 0; i < made.length; i++) {
      for (let j = i + 1; j < made.length; j++) {
        expect(Math.abs(made[i]!.x - made[j]!.x) >= 200 || Math.abs(made[i]!.y - made[j]!.y) >= 200).toBe(true)
      }
    }
    // Retagging is explicit: Alt+4 on the selected (last) sticky, named with Ctrl+Z on a keyboard.
    await p.keyboard.press('Alt+4')
    await expect.poll(async () => (await notes(p)).map((n) => n.tag)).toEqual(['belemmerend', 'bevorderend', 'conclusie'])
    await expect.poll(() => p.locator('.bp-retag-notice').innerText()).toContain('Ctrl+Z')
    await p.screenshot({ path: path.join(RESULTS, 'e2e-facil-tagging-keyboard.png') })
  })

  it('[F21] touch: tapping a tag chip after writing a sticky keeps that sticky’s tag; a retag in the panel offers "Ongedaan maken"', async () => {
    const id = await session(server, 'Tags telefoon')
    const p = phone.page
    await openBoardAs(p, { baseUrl: server.url, adminToken: ADMIN_TOKEN, sessionId: id, name: 'Bram', organisation: 'LHV' })
    await waitForBoard(p)
    const write = async (text: string) => {
      await p.tap('.bp-tagbar__new')
      await p.waitForFunction(() => window.__brownpaper?.editor.getEditingShapeId() != null)
      // The note's text field mounts a moment after editing starts: type only once it has the focus.
      await p.waitForFunction(() => (document.activeElement as HTMLElement | null)?.isContentEditable === true)
      // TipTap places its caret in the frame after it takes the focus: a key typed before lands elsewhere.
      await p.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
      await p.keyboard.type(text)
      await p.evaluate(() => void window.__brownpaper?.editor.complete())
      await p.waitForFunction(() => window.__brownpaper?.editor.getEditingShapeId() == null)
    }
    await p.tap('button[data-tag="belemmerend"]')
    await write('Telefoon belemmerend')
    await p.tap('button[data-tag="bevorderend"]')
    await expect.poll(() => p.locator('.bp-tagbar__new [data-new-tag]').getAttribute('data-new-tag')).toBe('bevorderend')
    await write('Telefoon bevorderend')
    await expect.poll(async () => (await notes(p)).map((n) => n.tag)).toEqual(['belemmerend', 'bevorderend'])

    // An explicit retag of the selected sticky in the sticky pane; undone with the button a touch screen shows.
    await p.tap('[data-pane="sticky"]')
    await p.selectOption('select[name="tag"]', 'conclusie')
    await expect.poll(async () => (await notes(p)).map((n) => n.tag)).toEqual(['belemmerend', 'conclusie'])
    const undo = p.locator('.bp-retag-notice__undo')
    await expect.poll(() => undo.innerText()).toBe('Ongedaan maken')
    expect(await p.locator('.bp-retag-notice').innerText()).not.toContain('Ctrl')
    await p.screenshot({ path: path.join(RESULTS, 'e2e-facil-tagging-touch.png') })
    await undo.tap()
    await expect.poll(async () => (await notes(p)).map((n) => n.tag)).toEqual(['belemmerend', 'bevorderend'])
  })
})
