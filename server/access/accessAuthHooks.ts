/** The core's AuthHooks, answered by the access service and the policy. */
import type { AuthHooks } from '../auth/types'
import type { SessionStore } from '../storage/Storage'
import type { AccessService } from './AccessService'
import { authenticateConnection } from './authenticateConnection'

export function accessAuthHooks(access: AccessService, sessions: SessionStore, publicUrl: string | null): AuthHooks {
  return {
    async resolveActor(req) {
      return (await access.resolve(req)).actor
    },
    async authenticateConnection(req, sessionId) {
      const decision = await authenticateConnection(access, sessions, req, sessionId, publicUrl)
      if (!decision.ok) return { code: decision.code, reason: decision.reason }
      const { actor, readOnly, expiresAt, loginKey } = decision
      return { actor, readOnly, ...(expiresAt ? { expiresAt } : {}), ...(loginKey ? { loginKey } : {}) }
    },
  }
}
