/**
 * Conclusies across sessions in real Chromium (SPEC R13–R15): a themagroep
 * met twice; in the second session's board a secretariaat takes over a
 * conclusie of the first from the session pane ("Conclusies uit eerdere
 * sessies", with the keyboard), a regelruimte request is linked to it, and
 * the register draws the chain through both sessions — the first session's
 * factors behind its conclusie, the copy in the second, the request — with
 * the session named on every box. Needs the built client.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionSummary } from '../../shared/api'
import type { Tag } from '../../shared/tags'
import { addSticky, allRecords } from '../../shared/ydoc'
import { startServer, type RunningServer } from '../../server/app'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { axeViolations } from '../helpers/axe'
import { externalRequests, launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'
import { link } from '../helpers/verslagBoard'

const PASSWORD = 'Herkomst-wachtwoord-2026!'
const GROEP = 'Bekostiging SO buiten het verpleeghuis'

async function createSession(server: RunningServer, body: Record<string, unknown>): Promise<SessionSummary> {
  const res = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${await res.text()}`)
  return (await res.json()) as SessionSummary
}

const add = (server: RunningServer, sessionId: string, text: string, tag: Tag, sheet: string) =>
  server.rooms.withRoom(sessionId, (room) => room.transact((doc) => addSticky(doc, { text, tag, sheet }).id))
const arrow = (server: RunningServer, sessionId: string, id: string, from: string, to: string) =>
  server.rooms.withRoom(sessionId, (room) => room.transact((doc) => link(doc, id, from, to)))

describe('conclusies across sessions (e2e)', () => {
  let dataDir: string
  let server: RunningServer
  let browser: TestBrowser
  let juni: SessionSummary
  let september: SessionSummary
  let conclusie: string

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-herkomst-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR, adminToken: TEST_ADMIN_TOKEN })
    juni = await createSession(server, { title: 'Brownpapersessie juni', themagroep: GROEP, date: '2026-06-13' })
    september = await createSession(server, { title: 'Themabijeenkomst september', themagroep: GROEP, date: '2026-09-22' })
    const f1 = await add(server, juni.id, 'SO heeft geen eigen betaaltitel in de Zvw', 'belemmerend', 'Belemmerende factoren')
    const f2 = await add(server, juni.id, 'Twee loketten voor één patiënt', 'belemmerend', 'Belemmerende factoren')
    conclusie = await add(server, juni.id, 'Eén financiering binnen één domein', 'conclusie', 'Conclusies')
    await arrow(server, juni.id, 'shape:juni-1', f1, conclusie)
    await arrow(server, juni.id, 'shape:juni-2', f2, conclusie)
    await server.access.addUser({ email: 'sanne@programma.nl', name: 'Sanne Secretariaat', role: 'secretariaat', password: PASSWORD, themagroepen: [GROEP] })
    browser = await launchBrowser({ viewport: { width: 1400, height: 900 } })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('[R13][R14][R15] a conclusie of June is taken over in September, a request there rests on it, and the register draws the chain through both sessions', async () => {
    const p = browser.page
    await p.goto(server.url)
    await p.fill('input[name=email]', 'sanne@programma.nl')
    await p.fill('input[name=password]', PASSWORD)
    await p.click('button[type=submit]')
    await p.waitForSelector('.bp-account')

    // R14: September's session pane lists June's conclusie.
    await p.goto(`${server.url}/s/${september.id}`)
    await p.locator('[data-pane=sessie]').click()
    const panel = p.getByTestId('earlier-conclusies')
    const listed = () => panel.locator('li .bp-earlier__wat').allInnerTexts()
    await expect.poll(listed).toEqual(['Eén financiering binnen één domein'])
    expect(await panel.locator('li .bp-earlier__meta').innerText()).toBe('uit Brownpapersessie juni (13 juni 2026) · rust op 2 stickies')
    expect(await axeViolations(p, '[data-testid=earlier-conclusies]')).toEqual([])
    await panel.screenshot({ path: path.join(RESULTS, 'e2e-herkomst-panel.png') })

    // R13, with the keyboard: the conclusie comes onto this board, remembering where it came from.
    await panel.locator(`li[data-sticky="${conclusie}"] button[data-action=meenemen]`).focus()
    await p.keyboard.press('Enter')
    await panel.locator('.bp-earlier__empty').waitFor()
    expect(await panel.getByRole('status').innerText()).toContain('Eén financiering binnen één domein')
    expect(await p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('earlier-conclusies')
    await expect
      .poll(() =>
        p.evaluate(
          () =>
            window.__brownpaper!.editor!.getCurrentPageShapes().find((s) => s.type === 'note' && (s.meta as { tag?: string }).tag === 'conclusie')?.meta as
              | { herkomst?: { sessionId: string; stickyId: string } }
              | undefined,
        ),
      )
      .toMatchObject({ herkomst: { sessionId: juni.id, stickyId: conclusie } })
    await p.screenshot({ path: path.join(RESULTS, 'e2e-herkomst-board.png') })

    // A regelruimte request in September rests on the copy.
    const copyId = allRecords(server.rooms.get(september.id)!.doc).find((r) => (r.meta as { tag?: string } | undefined)?.tag === 'conclusie')!.id
    const request = await add(server, september.id, 'Aanpassing subsidieregeling extramurale behandeling', 'regelruimte', 'Regelruimte')
    await arrow(server, september.id, 'shape:september-1', copyId, request)

    // R15: the register's picture goes back to June.
    await p.goto(`${server.url}/regelruimte`)
    await p.click(`tr[data-sticky="${request}"] .bp-register__chain-toggle`)
    const svg = p.locator(`tr[data-chain-for="${request}"] svg.bp-chain`)
    await svg.waitFor()
    const boxes = await svg.locator('g[data-kind]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-kind'), el.getAttribute('data-session'), el.querySelector('title')?.textContent]))
    expect(boxes).toEqual([
      ['factor', '13 juni 2026 · Brownpapersessie juni', '13 juni 2026 · Brownpapersessie juni: SO heeft geen eigen betaaltitel in de Zvw'],
      ['factor', '13 juni 2026 · Brownpapersessie juni', '13 juni 2026 · Brownpapersessie juni: Twee loketten voor één patiënt'],
      ['conclusie', '13 juni 2026 · Brownpapersessie juni', '13 juni 2026 · Brownpapersessie juni: Eén financiering binnen één domein'],
      ['conclusie', '22 september 2026 · Themabijeenkomst september', '22 september 2026 · Themabijeenkomst september: Eén financiering binnen één domein'],
      ['verzoek', '22 september 2026 · Themabijeenkomst september', '22 september 2026 · Themabijeenkomst september: Aanpassing subsidieregeling extramurale behandeling'],
    ])
    expect(await svg.locator('.bp-chain__edge').count()).toBe(4)
    expect(await svg.locator('.bp-chain__edge[data-kind=herkomst]').count()).toBe(1)
    expect(await svg.locator('desc').textContent()).toContain('Overgenomen uit Brownpapersessie juni (13 juni 2026): conclusie "Eén financiering binnen één domein", die daar volgt uit: SO heeft geen eigen betaaltitel in de Zvw; Twee loketten voor één patiënt.')
    expect(await axeViolations(p, `tr[data-chain-for="${request}"]`)).toEqual([])
    await svg.screenshot({ path: path.join(RESULTS, 'e2e-herkomst-chain.png') })

    await p.click('.bp-language button:has-text("EN")')
    await expect.poll(() => svg.locator('desc').textContent()).toContain('Taken over from Brownpapersessie juni (13 June 2026)')
    expect(externalRequests(browser.requests)).toEqual([])
  }, 120_000)
})
