/**
 * Accounts in the app as an extension (SPEC U1–U14): one-time links to make
 * an account or reset a password, the member list, removing members,
 * deactivating accounts and changing one's own password. server/app.ts
 * composes it.
 */
import type { AccessExtension } from '../access/accessExtension'
import type { CoreContext } from '../core/CoreContext'
import type { Extension } from '../core/Extension'
import type { Backend } from '../core/storage/Backend'
import type { AccountStores } from './AccountLinkStore'
import { ACCOUNT_STORES } from './accountStoreDefinition'
import type { AttendanceStore } from './AttendanceStore'
import { ATTENDANCE_STORES } from './attendanceStoreDefinition'
import { accountLinkRoutes } from './routes/accountLink'
import { changePasswordRoute } from './routes/changePassword'
import { inviteAccountRoute } from './routes/inviteAccount'
import { listAccountsRoute } from './routes/listAccounts'
import { manageAccountRoutes } from './routes/manageAccount'
import { removeMemberRoute } from './routes/removeMember'
import { sessionParticipantsRoute } from './routes/sessionParticipants'

export interface AccountsExtensionOptions {
  backend: Backend
  access: Pick<AccessExtension, 'access' | 'authorize' | 'attempts'>
  publicUrl: string | null
  now?: () => Date
}

export interface AccountsExtension extends Extension {
  readonly stores: AccountStores
  /** U12, U14: who was there, per session. */
  readonly attendance: AttendanceStore
}

export function accountsExtension(opts: AccountsExtensionOptions): AccountsExtension {
  const stores = opts.backend.stores(ACCOUNT_STORES)
  const { attendance } = opts.backend.stores(ATTENDANCE_STORES)
  // U14: every join and every board opened with a participant's login is kept as attendance.
  opts.access.access.onParticipantSeen((p, at) =>
    attendance.record({ sessionId: p.sessionId, inviteId: p.inviteId, name: p.name, organisation: p.organisation, role: p.role }, at),
  )
  let core: CoreContext | null = null
  return {
    name: 'accounts',
    stores,
    attendance,
    configure(context) {
      core = context
    },
    routes(router) {
      if (!core) throw new Error('accounts: routes before configure')
      const ctx = {
        ...core,
        access: opts.access.access,
        authorize: opts.access.authorize,
        attempts: opts.access.attempts,
        links: stores.accountLinks,
        attendance,
        publicUrl: opts.publicUrl,
        now: opts.now ?? (() => new Date()),
      }
      for (const route of [inviteAccountRoute, accountLinkRoutes, listAccountsRoute, removeMemberRoute, manageAccountRoutes, changePasswordRoute, sessionParticipantsRoute]) route(router, ctx)
    },
  }
}
