/**
 * Getting a test browser onto a board the way a person does. With the access
 * layer (issue 4) in the server, a board needs an invite: the admin token
 * creates a deelnemer invite and the browser opens its link, where it gives
 * name and organisation. On a server without invites (404) the browser opens
 * the board and gives them in the board's own "who are you" dialog.
 */
import type { Page } from 'playwright-core'

export async function apiAsAdmin(baseUrl: string, adminToken: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(body),
  })
}

export interface OpenBoardOptions {
  baseUrl: string
  adminToken: string
  sessionId: string
  name: string
  organisation: string
  /** The invite's role; deelnemer unless given. */
  role?: 'deelnemer' | 'waarnemer' | 'secretariaat'
}

/** Opens the board of `sessionId` in `page` as a deelnemer called `name`, through the UI. */
export async function openBoardAs(page: Page, opts: OpenBoardOptions): Promise<void> {
  const invite = await apiAsAdmin(opts.baseUrl, opts.adminToken, `/api/sessions/${opts.sessionId}/invites`, { role: opts.role ?? 'deelnemer' })
  if (invite.status === 201) {
    const { token } = (await invite.json()) as { token: string }
    await page.goto(`${opts.baseUrl}/join/${token}`)
  } else if (invite.status === 404) {
    await page.goto(`${opts.baseUrl}/s/${opts.sessionId}`)
  } else {
    throw new Error(`creating an invite failed: ${invite.status} ${await invite.text()}`)
  }
  await page.fill('input[name=name]', opts.name)
  await page.fill('input[name=organisation]', opts.organisation)
  await page.click('button[type=submit]')
  // A phone lands on the phone page (SPEC M2) and goes on to the board from there, as a person would.
  await page.waitForURL((url) => url.pathname === `/s/${opts.sessionId}` || url.pathname === `/s/${opts.sessionId}/telefoon`)
  if (new URL(page.url()).pathname.endsWith('/telefoon')) await page.click('.bp-phone__nav a[href$="/s/' + opts.sessionId + '"]')
  await page.waitForURL(`${opts.baseUrl}/s/${opts.sessionId}`)
}

/** Waits until the board's editor is up and its socket is connected. */
export async function waitForBoard(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__brownpaper?.editor !== undefined, null, { timeout: 30_000 })
  await page.waitForSelector('[data-status="verbonden"]', { timeout: 30_000 })
}
