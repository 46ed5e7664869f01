/**
 * Getting a test browser onto a board. Until the access layer (issue 4) is
 * wired into the server, boards are open; once it is, a browser needs an
 * invite: this creates a deelnemer invite with the admin token and redeems
 * it from the page (POST /api/join), so the browser holds the session cookie
 * that the board's websocket then carries.
 */
import type { Page } from 'playwright-core'

export async function apiAsAdmin(baseUrl: string, adminToken: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(body),
  })
}

/** Lets `page` in as a deelnemer of `sessionId` when the server asks for invites; a no-op on an open server. */
export async function joinAsDeelnemer(
  page: Page,
  opts: { baseUrl: string; adminToken: string; sessionId: string; name: string; organisation: string },
): Promise<void> {
  const invite = await apiAsAdmin(opts.baseUrl, opts.adminToken, `/api/sessions/${opts.sessionId}/invites`, { role: 'deelnemer' })
  if (invite.status === 404) return // no access layer: the board is open
  if (invite.status !== 201) throw new Error(`creating an invite failed: ${invite.status} ${await invite.text()}`)
  const { token } = (await invite.json()) as { token: string }
  if (!page.url().startsWith(opts.baseUrl)) await page.goto(`${opts.baseUrl}/`)
  const status = await page.evaluate(
    async (body) => {
      const response = await fetch('/api/join', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      return response.status
    },
    { token, name: opts.name, organisation: opts.organisation },
  )
  if (status !== 201) throw new Error(`joining with the invite failed: ${status}`)
}
