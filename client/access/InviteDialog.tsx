import { useCallback, useEffect, useState } from 'react'
import { INVITE_ROLES, type InviteRole, type InviteSummary } from '../../shared/access'
import { ErrorMessage } from '../api/ErrorMessage'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { copyText } from './copyText'
import { changeInviteRole, createInvite, listInvites, revokeInvite } from './inviteApi'
import { InviteQr } from './InviteQr'
import { createShortLink } from './shortLinkApi'

const ROLE_KEYS = {
  deelnemer: { label: 'invite.role.deelnemer', hint: 'invite.hint.deelnemer' },
  waarnemer: { label: 'invite.role.waarnemer', hint: 'invite.hint.waarnemer' },
  secretariaat: { label: 'invite.role.secretariaat', hint: 'invite.hint.secretariaat' },
} as const

/**
 * "Uitnodigen": one join link per role, made and copied with one click; the
 * session's links with their expiry, each revocable (SPEC P10).
 */
export function InviteDialog({ sessionId, onClose }: { sessionId: string; onClose(): void }) {
  const t = useT()
  const [language] = useLanguage()
  const [links, setLinks] = useState<Partial<Record<InviteRole, { url: string; copied: boolean; short: string | null }>>>({})
  const [invites, setInvites] = useState<InviteSummary[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<InviteRole | null>(null)

  const reload = useCallback(() => {
    listInvites(sessionId).then(setInvites, setError)
  }, [sessionId])
  useEffect(reload, [reload])
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  const make = async (role: InviteRole) => {
    setBusy(role)
    setError(null)
    try {
      const invite = await createInvite(sessionId, role)
      const copied = await copyText(invite.url)
      // The short link and its QR code (SPEC M7); the long link works without them.
      const short = await createShortLink(sessionId, invite.token).then(
        (answer) => answer.url,
        () => null,
      )
      setLinks((prev) => ({ ...prev, [role]: { url: invite.url, copied, short } }))
      reload()
    } catch (cause) {
      setError(cause)
    } finally {
      setBusy(null)
    }
  }

  const revoke = async (id: string) => {
    setError(null)
    try {
      await revokeInvite(sessionId, id)
      reload()
    } catch (cause) {
      setError(cause)
    }
  }

  const changeRole = async (id: string, role: InviteRole) => {
    setError(null)
    try {
      await changeInviteRole(sessionId, id, role)
      reload()
    } catch (cause) {
      setError(cause)
    }
  }

  const when = (iso: string) => new Date(iso).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
  const active = (invites ?? []).filter((i) => !i.revokedAt && Date.parse(i.expiresAt) > Date.now())

  return (
    <div className="bp-modal" role="dialog" aria-modal="true" aria-labelledby="invite-title" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="bp-card bp-modal__card bp-invite">
        <h2 id="invite-title">{t('invite.title')}</h2>
        <p className="bp-muted">{t('invite.body')}</p>
        <ul className="bp-invite__roles">
          {INVITE_ROLES.map((role) => {
            const link = links[role]
            return (
              <li key={role} data-role={role}>
                <div>
                  <strong>{t(ROLE_KEYS[role].label)}</strong>
                  <p className="bp-muted">{t(ROLE_KEYS[role].hint)}</p>
                </div>
                <button type="button" className="bp-primary" disabled={busy !== null} onClick={() => void make(role)}>
                  {busy === role ? t('invite.making') : t('invite.make')}
                </button>
                {link && (
                  <div className="bp-invite__link">
                    <input readOnly value={link.url} aria-label={t('invite.linkFor', { role: t(ROLE_KEYS[role].label) })} onFocus={(e) => e.currentTarget.select()} />
                    <span role="status">{link.copied ? t('invite.copied') : t('invite.copyManually')}</span>
                  </div>
                )}
                {link?.short && (
                  <div className="bp-invite__shortlink">
                    <InviteQr url={link.short} />
                  </div>
                )}
              </li>
            )
          })}
        </ul>
        {error !== null && <ErrorMessage error={error} />}
        <h3>{t('invite.active', { count: active.length })}</h3>
        {active.length === 0 ? (
          <p className="bp-muted">{t('invite.none')}</p>
        ) : (
          <ul className="bp-invite__list">
            {active.map((invite) => (
              <li key={invite.id} data-invite-role={invite.role}>
                <span>
                  {t(ROLE_KEYS[invite.role].label)} · {t('invite.expires', { when: when(invite.expiresAt) })}
                </span>
                {/* W23: a changed role reaches everyone who joined with this link at once. */}
                <select
                  value={invite.role}
                  aria-label={t('invite.changeRole')}
                  title={t('invite.changeRoleHint')}
                  onChange={(event) => void changeRole(invite.id, event.currentTarget.value as InviteRole)}
                >
                  {INVITE_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(ROLE_KEYS[role].label)}
                    </option>
                  ))}
                </select>
                <button type="button" onClick={() => void revoke(invite.id)}>
                  {t('invite.revoke')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="bp-form__actions">
          <button type="button" onClick={onClose}>
            {t('help.close')}
          </button>
        </div>
      </div>
    </div>
  )
}
