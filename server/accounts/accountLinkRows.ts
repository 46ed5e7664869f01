/**
 * The `account_links` table as both SQL stores read and write it (SQLite and
 * PostgreSQL name the columns alike): its columns in insert order, a record's
 * values in that order, and a row read back as a record. One place, so the
 * two stores cannot drift apart.
 */
import { z } from 'zod'
import { accountRoleSchema } from '../../shared/access'
import { ACCOUNT_LINK_PURPOSES } from '../../shared/accounts'
import type { AccountLinkRecord } from './AccountLinkStore'

export const ACCOUNT_LINK_COLUMNS = ['id', 'token_hash', 'purpose', 'email', 'role', 'themagroepen', 'user_id', 'created_by', 'created_at', 'expires_at', 'used_at'] as const

export interface AccountLinkRow {
  id: string
  token_hash: string
  purpose: string
  email: string
  role: string
  themagroepen: string
  user_id: string | null
  created_by: string
  created_at: string
  expires_at: string
  used_at: string | null
}

const groups = z.array(z.string())
const purposeSchema = z.enum(ACCOUNT_LINK_PURPOSES)

/** A record's values in the order of ACCOUNT_LINK_COLUMNS. */
export const accountLinkValues = (l: AccountLinkRecord): (string | null)[] => [
  l.id,
  l.tokenHash,
  l.purpose,
  l.email,
  l.role,
  JSON.stringify(l.themagroepen),
  l.userId,
  l.createdBy,
  l.createdAt,
  l.expiresAt,
  l.usedAt,
]

export const accountLinkOf = (r: AccountLinkRow): AccountLinkRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  purpose: purposeSchema.parse(r.purpose),
  email: r.email,
  role: accountRoleSchema.parse(r.role),
  themagroepen: groups.parse(JSON.parse(r.themagroepen)),
  userId: r.user_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
})
