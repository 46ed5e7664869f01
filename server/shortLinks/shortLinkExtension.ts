/**
 * Short join links as an extension (SPEC M7). A coördinator turns an invite
 * token into `/j/<code>` (POST /api/sessions/:id/short-links, who may create
 * invites: P10); anyone with the code gets the token back
 * (GET /api/j/:code) and joins as with the long link, so expiry and
 * revocation of the invite hold as they are. Failed look-ups are limited per
 * client address, counted where access counts failed logins (shared by every
 * instance with the cluster, K8).
 */
import type { AccessExtension } from '../access/accessExtension'
import { AttemptLimiter } from '../access/attemptLimits'
import { findSession, type SessionLookup } from '../access/findSession'
import { publicOrigin } from '../access/publicOrigin'
import type { Extension } from '../core/Extension'
import { HttpError, parseBody } from '../core/http/errors'
import type { Backend } from '../core/storage/Backend'
import { createShortLinkBodySchema, shortCodeSchema, type ShortLinkResponse } from '../../shared/shortLinks'
import { hashShortCode, newShortCode, openToken, sealToken } from './shortLinkCrypto'
import { SHORT_LINK_STORES } from './shortLinkStoreDefinition'

export interface ShortLinkExtensionOptions {
  backend: Backend
  sessions: SessionLookup
  access: Pick<AccessExtension, 'authorize' | 'access' | 'attemptCounter'>
  publicUrl?: string | null | undefined
  /** Failed look-ups per client address per window (default 30 per 15 minutes). */
  failuresPerAddress?: number
}

const WINDOW_MS = 15 * 60_000

export function shortLinkExtension(opts: ShortLinkExtensionOptions): Extension {
  const store = opts.backend.stores(SHORT_LINK_STORES)
  const limiter = new AttemptLimiter('shortLink', { perAccount: 0, perAddress: opts.failuresPerAddress ?? 30 }, WINDOW_MS, opts.access.attemptCounter)
  return {
    name: 'shortLinks',
    routes(router) {
      router.post('/sessions/:id/short-links', opts.access.authorize('invite:create'), async (req, res) => {
        const session = await findSession(opts.sessions, req.params.id)
        const { token } = parseBody(createShortLinkBodySchema, req)
        const invite = await opts.access.access.validInvite(token)
        if (!invite || invite.sessionId !== session.id) {
          throw new HttpError(404, 'invite_invalid', 'Deze uitnodiging is ongeldig, verlopen of ingetrokken (invite invalid)')
        }
        const code = newShortCode()
        await store.create({ codeHash: hashShortCode(code), sessionId: session.id, ...sealToken(token, code), expiresAt: invite.expiresAt, createdAt: new Date().toISOString() })
        const answer: ShortLinkResponse = { code, url: `${publicOrigin(req, opts.publicUrl ?? null)}/j/${code}`, expiresAt: invite.expiresAt }
        res.status(201).json(answer)
      })

      router.get('/j/:code', limiter.guard, opts.access.authorize('auth:public'), async (req, res) => {
        const code = shortCodeSchema.safeParse(String(req.params.code).toLowerCase())
        const link = code.success ? await store.findByCodeHash(hashShortCode(code.data)) : null
        const token = link && code.success && link.expiresAt > new Date().toISOString() ? openToken(link, code.data) : null
        // A revoked or expired invite ends its short link too (P10).
        if (!token || !(await opts.access.access.validInvite(token))) {
          throw new HttpError(404, 'invite_invalid', 'Deze uitnodiging is ongeldig, verlopen of ingetrokken (invite invalid)')
        }
        res.json({ token })
      })
    },
  }
}
