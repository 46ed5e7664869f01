/** Calls of the accounts pages (SPEC U1–U10). */
import { z } from 'zod'
import {
  accountLinkInfoSchema,
  accountLinkResponseSchema,
  accountSummarySchema,
  useAccountLinkResponseSchema,
  type AccountInviteBody,
  type AccountLinkInfo,
  type AccountLinkResponse,
  type AccountSummary,
  type ChangePasswordBody,
  type UseAccountLinkBody,
} from '../../shared/accounts'
import type { MeResponse } from '../../shared/access'
import { apiFetch } from '../api/apiFetch'

export async function fetchAccounts(): Promise<AccountSummary[]> {
  return (await apiFetch('/api/accounts', z.object({ accounts: z.array(accountSummarySchema) }))).accounts
}

export function inviteAccount(body: AccountInviteBody): Promise<AccountLinkResponse> {
  return apiFetch('/api/accounts/invites', accountLinkResponseSchema, { method: 'POST', body: JSON.stringify(body) })
}

export function makeResetLink(userId: string): Promise<AccountLinkResponse> {
  return apiFetch(`/api/accounts/${encodeURIComponent(userId)}/reset-link`, accountLinkResponseSchema, { method: 'POST', body: '{}' })
}

export async function setAccountActive(userId: string, active: boolean): Promise<void> {
  await apiFetch(`/api/accounts/${encodeURIComponent(userId)}/${active ? 'reactivate' : 'deactivate'}`, z.unknown(), { method: 'POST', body: '{}' })
}

export async function removeMember(themagroep: string, userId: string): Promise<void> {
  await apiFetch(`/api/themagroepen/${encodeURIComponent(themagroep)}/members/${encodeURIComponent(userId)}`, z.unknown(), { method: 'DELETE' })
}

export function fetchAccountLink(token: string): Promise<AccountLinkInfo> {
  return apiFetch(`/api/accounts/link?token=${encodeURIComponent(token)}`, accountLinkInfoSchema)
}

export async function redeemAccountLink(body: UseAccountLinkBody): Promise<MeResponse> {
  return (await apiFetch('/api/accounts/link', useAccountLinkResponseSchema, { method: 'POST', body: JSON.stringify(body) })).me
}

export async function changePassword(body: ChangePasswordBody): Promise<void> {
  await apiFetch('/api/auth/password', z.unknown(), { method: 'POST', body: JSON.stringify(body) })
}
