/**
 * Who may do what: roles, identities and the bodies of the access routes.
 * Shared because the client shows the signed-in identity, builds the login,
 * setup and join forms from these schemas, and names invite roles the same
 * way the server checks them. The policy itself lives on the server.
 */
import { z } from 'zod'

/** Roles of an account (email + password). */
export const ACCOUNT_ROLES = ['coordinator', 'secretariaat'] as const
export const accountRoleSchema = z.enum(ACCOUNT_ROLES)
export type AccountRole = z.infer<typeof accountRoleSchema>

/** Roles an invite link grants for one session (no account). */
export const INVITE_ROLES = ['deelnemer', 'waarnemer', 'secretariaat'] as const
export const inviteRoleSchema = z.enum(INVITE_ROLES)
export type InviteRole = z.infer<typeof inviteRoleSchema>

/** Header that carries the CSRF token on state-changing requests made with a session cookie. */
export const CSRF_HEADER = 'x-brownpaper-csrf'
/** Readable (non-HttpOnly) cookie holding the same CSRF token, for the client to copy into the header. */
export const CSRF_COOKIE = 'bp_csrf'

const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254))
const password = z.string().min(10, 'wachtwoord: minstens 10 tekens').max(200)
const themagroepName = z.string().trim().min(1).max(300)

export const loginBodySchema = z.object({ email, password: z.string().min(1).max(200) })
export type LoginBody = z.infer<typeof loginBodySchema>

export const setupBodySchema = z.object({
  token: z.string().min(16).max(200),
  email,
  password,
  name: z.string().trim().min(1).max(200),
})
export type SetupBody = z.infer<typeof setupBodySchema>

/** PATCH /api/sessions/:id/invites/:inviteId (SPEC W23). */
export const changeInviteRoleBodySchema = z.object({ role: inviteRoleSchema })

export const createInviteBodySchema = z.object({
  role: inviteRoleSchema,
  /** Validity in hours; 7 days when omitted, at most 90 days. */
  expiresInHours: z.number().positive().max(24 * 90).optional(),
})
export type CreateInviteBody = z.infer<typeof createInviteBodySchema>

export const createInviteResponseSchema = z.object({
  id: z.string(),
  token: z.string(),
  url: z.string(),
  role: inviteRoleSchema,
  expiresAt: z.string(),
})
export type CreateInviteResponse = z.infer<typeof createInviteResponseSchema>

/** An invite as listed: never its token (only its hash is stored). */
export const inviteSummarySchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  role: inviteRoleSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
})
export type InviteSummary = z.infer<typeof inviteSummarySchema>

export const joinBodySchema = z.object({
  token: z.string().min(16).max(200),
  name: z.string().trim().min(1).max(200),
  organisation: z.string().trim().min(1).max(200),
})
export type JoinBody = z.infer<typeof joinBodySchema>

export const addMemberBodySchema = z.object({ email })
export const themagroepNameSchema = themagroepName

/** The identity of the caller, as `GET /api/auth/me` returns it. */
export const meResponseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('anonymous') }),
  z.object({ kind: z.literal('admin') }),
  z.object({
    kind: z.literal('user'),
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: accountRoleSchema,
    themagroepen: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('participant'),
    id: z.string(),
    name: z.string(),
    organisation: z.string(),
    role: inviteRoleSchema,
    sessionId: z.string(),
  }),
])
export type MeResponse = z.infer<typeof meResponseSchema>

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  /** Who: "user:<id>", "participant:<id>", "admin", "system", or the email tried at a failed login. */
  actor: z.string(),
  actorName: z.string(),
  action: z.string(),
  sessionId: z.string().nullable(),
  themagroep: z.string().nullable(),
  detail: z.string(),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>
