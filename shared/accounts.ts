/**
 * REST bodies of accounts in the app (SPEC U1–U12): one-time account links
 * (an invitation or a password reset), the member list of a coördinator,
 * and changing one's own password. Shared by server (validation) and client.
 */
import { z } from 'zod'
import { accountRoleSchema, meResponseSchema } from './access'

const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254))
const newPassword = z.string().min(10, 'wachtwoord: minstens 10 tekens').max(200)
const token = z.string().min(16).max(200)

export const ACCOUNT_LINK_PURPOSES = ['invite', 'reset'] as const
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number]

export const accountInviteBodySchema = z.object({
  email,
  role: accountRoleSchema,
  themagroepen: z.array(z.string().trim().min(1).max(300)).min(1).max(50),
})
export type AccountInviteBody = z.infer<typeof accountInviteBodySchema>

/** A link made once: its token is shown now and never again (U2). */
export const accountLinkResponseSchema = z.object({
  purpose: z.enum(ACCOUNT_LINK_PURPOSES),
  url: z.string(),
  token: z.string(),
  email: z.string(),
  expiresAt: z.string(),
})
export type AccountLinkResponse = z.infer<typeof accountLinkResponseSchema>

/** What the page of a link shows before it is used (no secret, no account id). */
export const accountLinkInfoSchema = z.object({
  purpose: z.enum(ACCOUNT_LINK_PURPOSES),
  email: z.string(),
  role: accountRoleSchema,
  themagroepen: z.array(z.string()),
  expiresAt: z.string(),
})
export type AccountLinkInfo = z.infer<typeof accountLinkInfoSchema>

export const useAccountLinkBodySchema = z.object({
  token,
  /** Required for an invitation, ignored for a reset. */
  name: z.string().trim().min(1).max(200).optional(),
  password: newPassword,
})
export type UseAccountLinkBody = z.infer<typeof useAccountLinkBodySchema>

export const useAccountLinkResponseSchema = z.object({ me: meResponseSchema, csrfToken: z.string() })

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword,
})
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>

export const accountSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: accountRoleSchema,
  /** Only the themagroepen the asking coördinator shares with the account. */
  themagroepen: z.array(z.string()),
  active: z.boolean(),
})
export type AccountSummary = z.infer<typeof accountSummarySchema>

/** U12, U14: someone who joined the session from an invite, as kept in its attendance. */
export const sessionParticipantSchema = z.object({
  name: z.string(),
  organisation: z.string(),
  role: z.string(),
  /** ISO time of their first join. */
  firstJoinedAt: z.string(),
  /** ISO time they last joined or opened the board. */
  lastSeenAt: z.string(),
})
export type SessionParticipant = z.infer<typeof sessionParticipantSchema>
