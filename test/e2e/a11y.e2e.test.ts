/**
 * axe-core on every panel of the board (SPEC M9), as a coördinator sees them
 * (all of them): the side panel with a selected regelruimte sticky, the
 * session details, the verslag pane, the invite dialog and the shortcut
 * help, in Dutch and in English. The phone page and the list view have their
 * own checks in phone.e2e and list.e2e.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSRF_HEADER } from '../../shared/access'
import { axeViolations } from '../helpers/axe'
import { cookiesOf, PASSWORD } from '../helpers/accessFixture'
import { launchBrowser, type TestBrowser } from '../helpers/browser'
import { assertClientBuilt, CLIENT_DIR, RESULTS } from '../helpers/builtClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'

async function panelsClean(p: Page, language: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {}
  const selectSticky = (text: string) =>
    p.evaluate((t) => {
      const editor = window.__brownpaper!.editor
      const note = editor.getCurrentPageShapes().find((s) => s.type === 'note' && JSON.stringify(s.props).includes(t))!
      editor.select(note.id)
    }, text)

  await selectSticky('Experimenteerruimte')
  if ((await p.getAttribute('.bp-side__tab[data-pane="sticky"]', 'aria-pressed')) !== 'true') await p.click('.bp-side__tab[data-pane="sticky"]')
  await p.locator('.bp-pane input[name=regeling]').waitFor()
  found.sticky = await axeViolations(p, '.bp-side')
  await p.screenshot({ path: path.join(RESULTS, `e2e-a11y-sticky-${language}.png`) })

  await p.click('.bp-side__tab[data-pane="sessie"]')
  await p.locator('.bp-pane[data-open-pane="sessie"]').waitFor()
  found.sessie = await axeViolations(p, '.bp-side')

  await p.click('.bp-side__tab[data-pane="verslag"]')
  await p.locator('.bp-pane[data-open-pane="verslag"]').waitFor()
  found.verslag = await axeViolations(p, '.bp-side')
  await p.screenshot({ path: path.join(RESULTS, `e2e-a11y-verslag-${language}.png`) })
  await p.click('.bp-side__tab[data-pane="verslag"]')

  await p.click('button.bp-invite-button')
  await p.locator('.bp-invite').waitFor()
  // A deelnemer link with its short link and QR code (SPEC M7).
  await p.click('.bp-invite [data-role="deelnemer"] button.bp-primary')
  await p.locator('.bp-invite [data-role="deelnemer"] .bp-invite__qr img[src^="data:image/png"]').waitFor()
  expect(await p.locator('.bp-invite [data-role="deelnemer"] .bp-invite__short').innerText()).toMatch(/\/j\/[0-9a-z]{12}$/)
  found.invite = await axeViolations(p, '.bp-modal')
  await p.screenshot({ path: path.join(RESULTS, `e2e-a11y-invite-${language}.png`) })
  await p.keyboard.press('Escape')
  await p.locator('.bp-invite').waitFor({ state: 'detached' })

  await p.click('.bp-help-button')
  await p.locator('.bp-help').waitFor()
  found.help = await axeViolations(p, '.bp-help')
  await p.click('.bp-help-button')

  found.header = await axeViolations(p, '.bp-header--board')
  return found
}

describe('accessibility of the board panels', () => {
  let server: TestServer
  let browser: TestBrowser
  let sessionId: string

  beforeAll(async () => {
    assertClientBuilt()
    mkdirSync(RESULTS, { recursive: true })
    server = await startTestServer({ clientDir: CLIENT_DIR })
    await server.access.addUser({ email: 'coordinator@a11y.nl', name: 'Anna Coördinator', role: 'coordinator', password: PASSWORD })
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'coordinator@a11y.nl', password: PASSWORD }) })
    const cookies = cookiesOf(login)
    const headers = { cookie: `bp_session=${cookies.bp_session}; bp_csrf=${cookies.bp_csrf}`, authorization: '', [CSRF_HEADER]: cookies.bp_csrf! }
    const created = await server.api<{ id: string }>('POST', '/api/sessions', { title: 'Toegankelijk bord', themagroep: 'Toegankelijkheid', sheets: ['SO in the lead'] }, headers)
    sessionId = created.body.id
    for (const [text, tag] of [['Korte lijnen', 'bevorderend'], ['Experimenteerruimte Wlz', 'regelruimte'], ['Volgende bijeenkomst', 'afspraak']] as const) {
      await server.api('POST', `/api/sessions/${sessionId}/stickies`, { text, tag, sheet: 'SO in the lead' })
    }
    browser = await launchBrowser({ viewport: { width: 1400, height: 900 } })
    await browser.context.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value: encodeURIComponent(value), url: server.url })))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('[M9] side panel, session details, verslag pane, invite dialog and shortcut help have no axe-core violations, in Dutch and in English', async () => {
    const p = browser.page
    await p.goto(`${server.url}/s/${sessionId}`)
    await p.waitForFunction(() => window.__brownpaper?.editor !== undefined, null, { timeout: 60_000 })
    await p.locator('button.bp-invite-button').waitFor()
    const nl = await panelsClean(p, 'nl')
    await p.click('.bp-header--board .bp-language button:has-text("EN")')
    const en = await panelsClean(p, 'en')
    expect({ nl, en }).toEqual({
      nl: { sticky: [], sessie: [], verslag: [], invite: [], help: [], header: [] },
      en: { sticky: [], sessie: [], verslag: [], invite: [], help: [], header: [] },
    })
  })
})
