/**
 * Short join links (SPEC M7): `/j/<code>` stands for an invite link, for a
 * QR code and for typing on a phone. Bodies shared by client and server.
 */
import { z } from 'zod'

/** Crockford's base32 in lower case (no i, l, o, u): easy to read aloud and to type. */
export const SHORT_CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
/** 12 characters of 5 bits: 60 bits. */
export const SHORT_CODE_LENGTH = 12
export const shortCodeSchema = z.string().regex(new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`))

/** POST /api/sessions/:id/short-links: the invite token the short link stands for. */
export const createShortLinkBodySchema = z.object({ token: z.string().min(16).max(200) }).strict()
export const shortLinkResponseSchema = z.object({ code: shortCodeSchema, url: z.string(), expiresAt: z.string() })
export type ShortLinkResponse = z.infer<typeof shortLinkResponseSchema>

/** GET /api/j/:code → the invite token, for the join page. */
export const resolveShortLinkResponseSchema = z.object({ token: z.string() })
