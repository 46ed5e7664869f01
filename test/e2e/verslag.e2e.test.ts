/**
 * The verslag UI end to end in real Chromium (one browser process per user)
 * against the real server: sticky text stays text on the board, in the
 * preview and in the html export; a factor → conclusie → regelruimte chain
 * made on the board shows in the preview and the downloaded .docx; a verslag
 * imported through the start page's dialog opens with its sheets.
 * Needs the built client (see test/helpers/builtClient.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import mammoth from 'mammoth'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { allRecords } from '../../shared/ydoc'
import { verslagSchema } from '../../shared/verslag/schema'
import { startServer, type RunningServer } from '../../server/app'
import { apiAsAdmin, openBoardAs } from '../helpers/boardAccess'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, REPO, RESULTS, CLIENT_DIR } from '../helpers/builtClient'

const ADMIN_TOKEN = 'e2e-verslag-admin-token-0123456789'
const XSS = '<img src=x onerror=alert(1)>'
const GROEP = 'Bekostiging SO buiten het verpleeghuis'
const FIXTURE = readFileSync(path.join(REPO, 'test', 'fixtures', 'verslagen', 'so-in-de-eerstelijn-2016-06.txt'), 'utf8')

async function createSession(server: RunningServer, title: string): Promise<string> {
  const res = await apiAsAdmin(server.url, ADMIN_TOKEN, '/api/sessions', { title, themagroep: GROEP, date: '2026-06-22', place: 'Barneveld' })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

async function addSticky(server: RunningServer, sessionId: string, text: string, tag: string, sheet: string): Promise<string> {
  const res = await apiAsAdmin(server.url, ADMIN_TOKEN, `/api/sessions/${sessionId}/stickies`, { text, tag, sheet })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

/** Joins the board of `sessionId` through a secretariaat invite link, as a person does. */
async function openBoardAsSecretariaat(page: Page, server: RunningServer, sessionId: string): Promise<void> {
  const invite = await apiAsAdmin(server.url, ADMIN_TOKEN, `/api/sessions/${sessionId}/invites`, { role: 'secretariaat' })
  expect(invite.status).toBe(201)
  const { token } = (await invite.json()) as { token: string }
  await page.goto(`${server.url}/join/${token}`)
  await page.fill('input[name=name]', 'Sanne Secretariaat')
  await page.fill('input[name=organisation]', 'Programmabureau')
  await page.click('button[type=submit]')
  await page.waitForURL(`${server.url}/s/${sessionId}`)
  await page.waitForFunction(() => window.__brownpaper?.editor !== undefined, null, { timeout: 30_000 })
  await page.waitForSelector('[data-status="verbonden"]', { timeout: 30_000 })
}

/** Selects one shape through the editor the page exposes for tests. */
async function select(page: Page, id: string): Promise<void> {
  await page.evaluate((shapeId) => {
    const editor = window.__brownpaper!.editor
    editor.select(shapeId as never)
  }, id)
}

describe('the verslag UI in Chromium', () => {
  let dataDir: string
  let server: RunningServer
  let browser: TestBrowser
  let coordinator: TestBrowser | undefined
  let deelnemer: TestBrowser | undefined
  const dialogs: string[] = []

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bp-e2e-verslag-'))
    server = await startServer({ port: 0, dataDir, clientDir: CLIENT_DIR, adminToken: ADMIN_TOKEN })
    browser = await launchBrowser({ viewport: { width: 1400, height: 900 }, localStorage: { 'brownpaper.language': 'nl' } })
    browser.page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      // Only "Vaststellen" asks for confirmation; anything else (an alert) is a failure, recorded above.
      void (dialog.type() === 'confirm' ? dialog.accept() : dialog.dismiss())
    })
  })

  afterAll(async () => {
    await browser?.close()
    await coordinator?.close()
    await deelnemer?.close()
    await server?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('[V10][V17][V18] a sticky with markup in its text shows as text on the board, in the preview (with the board picture) and in the html export, and nothing runs', async () => {
    const { page } = browser
    const sessionId = await createSession(server, 'Sessie met rare tekst')
    await addSticky(server, sessionId, XSS, 'belemmerend', 'Bevorderend en belemmerend')
    await openBoardAsSecretariaat(page, server, sessionId)

    await expect.poll(() => page.locator('.tl-container').getByText(XSS, { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await page.click('[data-pane="verslag"]')
    const preview = page.getByTestId('verslag-preview')
    await expect.poll(() => preview.getByText(XSS, { exact: true }).count(), { timeout: 15_000 }).toBe(1)
    await page.screenshot({ path: path.join(RESULTS, 'verslag-preview-xss.png') })
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0)

    // [V18] The open preview follows the board: a sticky added elsewhere appears without a reload.
    await addSticky(server, sessionId, 'Later toegevoegd via de API', 'bevorderend', 'Bevorderend en belemmerend')
    await expect.poll(() => preview.getByText('Later toegevoegd via de API').count(), { timeout: 15_000 }).toBe(1)

    // [V17] The picture button renders the board with tldraw's export and uploads it; the preview shows it.
    await page.getByRole('button', { name: 'Foto van het bord maken' }).click()
    await page.getByText('De foto van het bord staat in het verslag.').waitFor({ timeout: 20_000 })
    await expect.poll(() => preview.locator('figure img').count(), { timeout: 15_000 }).toBe(1)
    const stored = await server.storage.pictures.get(sessionId)
    expect(stored?.contentType).toBe('image/png')
    expect(stored?.data.length).toBeGreaterThan(1000)

    await page.goto(`${server.url}/api/sessions/${sessionId}/verslag.html`)
    expect(await page.locator('body').innerText()).toContain(XSS)
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], script').length)).toBe(0)
    const raw = await (await fetch(`${server.url}/api/sessions/${sessionId}/verslag.html`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text()
    expect(raw).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(dialogs).toEqual([])
  })

  it('[V6][V15][V17] a chain drawn on the board (panel link + arrow tool) shows in the preview and the downloaded docx; fields, picture and vaststellen work', async () => {
    const { page } = browser
    const sessionId = await createSession(server, 'Ketting factor conclusie regelruimte')
    const factor = await addSticky(server, sessionId, 'CIZ-indicatie duurt te lang', 'belemmerend', 'Bevorderend en belemmerend')
    const conclusie = await addSticky(server, sessionId, 'De indicatie moet sneller', 'conclusie', 'Conclusies')
    const regelruimte = await addSticky(server, sessionId, 'Ruimte voor een snelle indicatie', 'regelruimte', 'Regelruimte')
    await openBoardAsSecretariaat(page, server, sessionId)
    await page.waitForFunction((id) => window.__brownpaper!.editor.getShape(id as never) !== undefined, regelruimte)

    // factor → conclusie without drawing: the side panel of the selected conclusie.
    await select(page, conclusie)
    const panel = page.locator('[data-open-pane="sticky"]')
    await panel.waitFor()
    const restsOn = panel.locator('[data-relation="restsOn"]')
    await restsOn.locator('select').selectOption(factor)
    await restsOn.getByRole('button', { name: 'Koppelen' }).click()
    await expect.poll(() => restsOn.getByText('CIZ-indicatie duurt te lang').count()).toBe(1)

    // conclusie → regelruimte with the arrow tool: a real pointer drag between the two notes.
    const points = await page.evaluate(
      ([from, to]) => {
        const editor = window.__brownpaper!.editor
        // Both notes in view whatever the opening zoom (M11): a drag needs both ends on screen.
        editor.select(from as never, to as never)
        editor.zoomToSelection()
        editor.selectNone()
        const center = (id: string) => editor.pageToScreen(editor.getShapePageBounds(id as never)!.center)
        return { a: center(from!), b: center(to!) }
      },
      [conclusie, regelruimte],
    )
    await page.evaluate(() => {
      window.__brownpaper!.editor.setCurrentTool('arrow')
    })
    await page.mouse.move(points.a.x, points.a.y)
    await page.mouse.down()
    await page.mouse.move((points.a.x + points.b.x) / 2, (points.a.y + points.b.y) / 2, { steps: 5 })
    await page.mouse.move(points.b.x, points.b.y, { steps: 5 })
    await page.mouse.up()
    await expect
      .poll(() =>
        page.evaluate((id) => {
          const editor = window.__brownpaper!.editor
          return editor
            .getCurrentPageShapes()
            .filter((s) => s.type === 'arrow')
            .map((arrow) => editor.getBindingsFromShape(arrow, 'arrow').map((b) => b.toId).sort().join(' '))
            .includes([id.c, id.r].sort().join(' '))
        }, { c: conclusie, r: regelruimte }),
      )
      .toBe(true)

    // Fields of the regelruimte request, live in the note's meta.
    await page.evaluate(() => {
      window.__brownpaper!.editor.setCurrentTool('select')
    })
    await select(page, regelruimte)
    await page.fill('[data-open-pane="sticky"] input[name="regeling"]', 'Wlz')
    await page.fill('[data-open-pane="sticky"] input[name="adressaat"]', 'CIZ')
    // Real typing in a panel field is no board shortcut: no new sticky, no tool change, Backspace deletes no shape.
    const indiener = page.locator('[data-open-pane="sticky"] input[name="indiener"]')
    await indiener.click()
    await indiener.pressSequentially('Sas Norschotenx')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Delete')
    expect(await indiener.inputValue()).toBe('Sas Norschoten')
    const board = await page.evaluate(() => {
      const editor = window.__brownpaper!.editor
      return { notes: editor.getCurrentPageShapes().filter((s) => s.type === 'note').length, tool: editor.getCurrentToolId() }
    })
    expect(board).toEqual({ notes: 3, tool: 'select' })
    await expect.poll(() => page.locator('[data-relation="followsFrom"]').getByText('De indicatie moet sneller').count()).toBe(1)
    await page.screenshot({ path: path.join(RESULTS, 'verslag-side-panel.png') })

    await page.click('[data-pane="verslag"]')
    const preview = page.getByTestId('verslag-preview')
    const row = preview.locator(`tr[data-sticky="${regelruimte}"]`)
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('CIZ-indicatie duurt te lang')
    const rowText = await row.innerText()
    expect(rowText).toContain('Volgt uit')
    expect(rowText).toContain('De indicatie moet sneller')
    expect(rowText).toContain('Wlz')
    expect(await preview.locator(`li[data-sticky="${conclusie}"]`).innerText()).toMatch(/Rust op:[\s\S]*CIZ-indicatie duurt te lang[\s\S]*R1/)

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-format="docx"]')])
    const docx = readFileSync((await download.path())!)
    const { value: docxText } = await mammoth.extractRawText({ buffer: docx })
    const chain = docxText.slice(docxText.indexOf('Ruimte voor een snelle indicatie'))
    expect(chain).toContain('Volgt uit')
    expect(chain).toContain('De indicatie moet sneller')
    expect(chain).toContain('CIZ-indicatie duurt te lang')
    expect(docxText).toMatch(/Rust op[\s\S]*CIZ-indicatie duurt te lang/)

    // Picture and vaststellen from the pane.
    await page.getByRole('button', { name: 'Vaststellen' }).click()
    await page.getByText('Versie 1 is vastgesteld.').waitFor({ timeout: 30_000 })
    await page.locator('.bp-versions li[data-versie="1"]').waitFor()
    await expect.poll(() => preview.locator('figure img').count(), { timeout: 15_000 }).toBe(1)
    const picture = await page.evaluate(async () => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="verslag-preview"] figure img')!
      await img.decode()
      return { src: img.getAttribute('src'), width: img.naturalWidth }
    })
    expect(picture.src).toMatch(new RegExp(`^/api/sessions/${sessionId}/picture\\?v=`))
    expect(picture.width).toBeGreaterThan(100)
    const frozen = await fetch(`${server.url}/api/sessions/${sessionId}/versions/1/verslag.docx`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    const { value: frozenText } = await mammoth.extractRawText({ buffer: Buffer.from(await frozen.arrayBuffer()) })
    expect(frozenText).toContain('Versie 1')
    await page.screenshot({ path: path.join(RESULTS, 'verslag-preview.png') })

    // Removing a link in the panel deletes the arrow (and its bindings); the frozen version keeps the chain.
    await select(page, conclusie)
    await page.click('[data-pane="sticky"]')
    const stickyPane = page.locator('[data-open-pane="sticky"]')
    await stickyPane.locator('[data-relation="restsOn"]').getByRole('button', { name: /Koppeling verwijderen/ }).click()
    await expect.poll(() => stickyPane.locator('[data-relation="restsOn"] li').count()).toBe(0)
    const bound = await page.evaluate((id) => {
      const editor = window.__brownpaper!.editor
      return editor.getBindingsToShape(id as never, 'arrow').length
    }, factor)
    expect(bound).toBe(0)
    const restsOnOf = async (p: string) => {
      const model = verslagSchema.parse(await (await fetch(`${server.url}${p}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json())
      return model.sections.flatMap((sec) => (sec.kind === 'conclusies' ? sec.conclusies : [])).find((c) => c.item.id === conclusie)?.restsOn.map((r) => r.id)
    }
    await expect.poll(() => restsOnOf(`/api/sessions/${sessionId}/verslag.json`)).toEqual([])
    expect(await restsOnOf(`/api/sessions/${sessionId}/versions/1/verslag.json`)).toEqual([factor])
    expect(dialogs.filter((d) => !d.startsWith('confirm'))).toEqual([])
  })

  it('[P8][V1][V19][V22] the secretariaat fills in deelnemers, afgemeld, the introduction, the place and the order of sheets; a deelnemer sees them live but cannot edit them nor open the verslag', async () => {
    const { page } = browser
    const sessionId = await createSession(server, 'Sessiegegevens invullen')
    await openBoardAsSecretariaat(page, server, sessionId)
    deelnemer = await launchBrowser({ viewport: { width: 1200, height: 800 }, localStorage: { 'brownpaper.language': 'nl' } })
    await openBoardAs(deelnemer.page, { baseUrl: server.url, adminToken: ADMIN_TOKEN, sessionId, name: 'Dirk Deelnemer', organisation: 'Verenso' })
    await deelnemer.page.waitForSelector('[data-status="verbonden"]', { timeout: 30_000 })

    await page.click('[data-pane="sessie"]')
    const pane = page.locator('[data-open-pane="sessie"]')
    await pane.getByRole('button', { name: /Deelnemer toevoegen/ }).click()
    await pane.locator('[data-row="deelnemer"] input').nth(0).fill('Verenso')
    await pane.locator('[data-row="deelnemer"] input').nth(1).fill('Anna de Vries')
    await pane.getByRole('button', { name: /Deelnemer toevoegen/ }).click()
    await pane.locator('[data-row="deelnemer"]').nth(1).locator('input').nth(0).fill('Zorgverzekeraars Nederland')
    await pane.getByRole('button', { name: /Afmelding toevoegen/ }).click()
    await pane.locator('[data-row="afgemeld"] input').fill('ActiZ')
    await pane.locator('textarea[name="intro"]').fill('De deelnemers bestaan uit een goede mix van organisaties.')
    await page.screenshot({ path: path.join(RESULTS, 'verslag-session-details.png') })

    const other = deelnemer.page
    await expect.poll(() => other.locator('[data-pane="sticky"]').count()).toBe(1)
    expect(await other.locator('[data-pane="verslag"]').count()).toBe(0)
    await other.click('[data-pane="sessie"]')
    const theirs = other.locator('[data-open-pane="sessie"]')
    await expect.poll(() => theirs.locator('[data-row="deelnemer"] input').first().inputValue(), { timeout: 10_000 }).toBe('Verenso')
    expect(await theirs.locator('[data-row="deelnemer"] input').first().isDisabled()).toBe(true)
    expect(await theirs.getByRole('button', { name: /Deelnemer toevoegen/ }).count()).toBe(0)
    await expect.poll(() => theirs.locator('textarea[name="intro"]').inputValue()).toContain('goede mix')

    await page.click('[data-pane="verslag"]')
    const preview = page.getByTestId('verslag-preview')
    await expect.poll(() => preview.locator('.bp-verslag__header').innerText(), { timeout: 15_000 }).toContain('Verenso (Anna de Vries), Zorgverzekeraars Nederland')
    expect(await preview.locator('.bp-verslag__header').innerText()).toMatch(/Afgemeld\s+ActiZ/)
    expect(await preview.innerText()).toContain('De deelnemers bestaan uit een goede mix van organisaties.')

    // [V19] The order of the sheets in the verslag, changed in the session details.
    await addSticky(server, sessionId, 'Punt op het eerste vel', 'opmerking', 'Eerste vel')
    await addSticky(server, sessionId, 'Punt op het tweede vel', 'opmerking', 'Tweede vel')
    const headings = () => preview.locator('h2').allInnerTexts()
    await expect.poll(headings, { timeout: 15_000 }).toEqual(['Opbrengst brownpapersessie – Eerste vel', 'Opbrengst brownpapersessie – Tweede vel'])
    await page.click('[data-pane="sessie"]')
    const order = pane.getByTestId('sheet-order')
    // The template's empty sheets are listed too; move "Tweede vel" up until it stands before "Eerste vel".
    const names = async () => (await order.locator('.bp-sheet-order__name').allInnerTexts()).map((n) => n.trim())
    await expect.poll(names).toContain('Tweede vel')
    for (let i = 0; i < 10 && (await names()).indexOf('Tweede vel') > (await names()).indexOf('Eerste vel'); i++) {
      const before = (await names()).indexOf('Tweede vel')
      await order.getByRole('button', { name: 'Tweede vel een plaats omhoog' }).click()
      await expect.poll(async () => (await names()).indexOf('Tweede vel')).toBe(before - 1)
    }
    await pane.locator('input[name="place"]').fill('Barneveld, Norschoten')
    await page.screenshot({ path: path.join(RESULTS, 'verslag-sheet-order.png') })
    await page.click('[data-pane="verslag"]')
    await expect.poll(headings, { timeout: 15_000 }).toEqual(['Opbrengst brownpapersessie – Tweede vel', 'Opbrengst brownpapersessie – Eerste vel'])
    await expect.poll(() => preview.locator('.bp-verslag__header').innerText()).toMatch(/Plaats\s+Barneveld, Norschoten/)
  })

  it('[I12][I20] a verslag pasted into the import dialog on the start page shows what was recognised, retags a section in one click and opens as a new session with its sheets', async () => {
    // Another person: a themacoördinator in a browser process of her own.
    coordinator = await launchBrowser({ viewport: { width: 1280, height: 860 }, localStorage: { 'brownpaper.language': 'nl' } })
    const { page } = coordinator
    const email = 'coordinator@example.org'
    const password = 'correct horse battery staple'
    await server.access.addUser({ email, name: 'Cora Coördinator', role: 'coordinator', password, themagroepen: [GROEP] })
    await page.goto(`${server.url}/`)
    await page.fill('input[name=email]', email)
    await page.fill('input[name=password]', password)
    await page.click('button[type=submit]')
    await page.click('[data-action="import"]')
    const dialog = page.getByRole('dialog')

    // A broken Word file gives a readable error and keeps the dialog open.
    await dialog.getByRole('button', { name: 'Bestand kiezen' }).click()
    await dialog.locator('input[type=file]').setInputFiles({ name: 'kapot.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\u0003\u0004 dit is geen Word-bestand') })
    await dialog.getByRole('button', { name: 'Importeren' }).click()
    await expect.poll(() => dialog.getByRole('alert').innerText()).toMatch(/onleesbaar/i)

    await dialog.getByRole('button', { name: 'Tekst plakken' }).click()
    await dialog.locator('textarea[name=verslag]').fill(FIXTURE)
    await page.screenshot({ path: path.join(RESULTS, 'verslag-import-dialog.png') })
    await dialog.getByRole('button', { name: 'Importeren' }).click()

    // The import report (I20): what was recognised, and a one-click tag per section.
    const report = dialog.getByTestId('import-report')
    await expect.poll(() => report.getByTestId('import-summary').innerText(), { timeout: 30_000 }).toMatch(/\d+ kopjes, .*opsommingen.*\d+ afspraken/)
    const tagSelect = report.getByRole('combobox', { name: 'Tag van alle stickies in Presentatie introductie op thema' })
    await tagSelect.selectOption('conclusie')
    await expect.poll(() => report.innerText()).toContain('Opgeslagen')
    await page.screenshot({ path: path.join(RESULTS, 'verslag-import-report.png') })
    await report.getByRole('button', { name: 'Naar het bord' }).click()
    await page.waitForURL(/\/s\/[A-Za-z0-9_-]+$/, { timeout: 30_000 })
    const sessionId = new URL(page.url()).pathname.split('/').pop()!
    const retagged = await server.rooms.withRoom(sessionId, (room) => {
      const board = readBoard(allRecords(room.doc))
      const sheet = board.sheets.find((x) => x.name === 'Presentatie introductie op thema')!
      return board.stickies.filter((x) => x.sheetId === sheet.id).map((x) => x.tag)
    })
    expect(retagged.length).toBeGreaterThan(0)
    expect(new Set(retagged)).toEqual(new Set(['conclusie']))
    await page.waitForFunction(() => window.__brownpaper?.editor !== undefined, null, { timeout: 30_000 })

    const stored = await server.rooms.withRoom(sessionId, (room) => readBoard(allRecords(room.doc)))
    expect(stored.sheets.length).toBeGreaterThan(2)
    const expected = stored.sheets.map((s) => s.name).sort()
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            window
              .__brownpaper!.editor.getCurrentPageShapes()
              .filter((s) => s.type === 'frame')
              .map((s) => (s.props as { name: string }).name)
              .sort(),
          ),
        { timeout: 15_000 },
      )
      .toEqual(expected)
    expect(expected).toContain('SO in the lead')
    const notes = await page.evaluate(() => window.__brownpaper!.editor.getCurrentPageShapes().filter((s) => s.type === 'note').length)
    expect(notes).toBe(stored.stickies.length)
  })
})
