/** U3: the link a token names, or a readable refusal (unknown, used, expired). */
import { HttpError } from '../core/http/errors'
import { hashToken } from '../access/tokens'
import type { AccountLinkRecord } from './AccountLinkStore'
import type { AccountsContext } from './AccountsContext'

export async function findAccountLink(ctx: AccountsContext, token: string): Promise<AccountLinkRecord> {
  const link = token.length >= 16 && token.length <= 200 ? await ctx.links.getByTokenHash(hashToken(token)) : null
  if (!link) throw new HttpError(404, 'link_invalid', 'Deze link klopt niet. Vraag je themacoördinator om een nieuwe link (this link is not valid).')
  if (link.usedAt !== null) throw new HttpError(410, 'link_used', 'Deze link is al gebruikt. Vraag je themacoördinator om een nieuwe link (this link was used already).')
  if (link.expiresAt <= ctx.now().toISOString()) {
    throw new HttpError(410, 'link_expired', 'Deze link is verlopen. Vraag je themacoördinator om een nieuwe link (this link has expired).')
  }
  return link
}
