/** U2, U10: a one-time account link — 256 random bits, stored as SHA-256, shown once. */
import type { Request } from 'express'
import type { AccountRole } from '../../shared/access'
import type { AccountLinkPurpose, AccountLinkResponse } from '../../shared/accounts'
import { actorId, type Actor } from '../access/Actor'
import { publicOrigin } from '../access/publicOrigin'
import { hashToken, newId, newToken } from '../access/tokens'
import type { AccountsContext } from './AccountsContext'

/** U2: how long a link stays usable. */
export const LINK_HOURS: Readonly<Record<AccountLinkPurpose, number>> = { invite: 72, reset: 24 }

export async function makeAccountLink(
  ctx: AccountsContext,
  req: Request,
  by: Actor,
  link: { purpose: AccountLinkPurpose; email: string; role: AccountRole; themagroepen: string[]; userId: string | null },
): Promise<AccountLinkResponse> {
  const token = newToken()
  const now = ctx.now()
  const expiresAt = new Date(now.getTime() + LINK_HOURS[link.purpose] * 3_600_000).toISOString()
  await ctx.links.create({ id: newId(), tokenHash: hashToken(token), ...link, createdBy: actorId(by), createdAt: now.toISOString(), expiresAt, usedAt: null })
  return { purpose: link.purpose, url: `${publicOrigin(req, ctx.publicUrl)}/account/nieuw?token=${token}`, token, email: link.email, expiresAt }
}
