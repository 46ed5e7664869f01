import type { MeResponse } from '../../shared/access'
import { logout } from '../api/accessApi'
import { useT } from '../i18n/useT'
import { Link } from '../router/Link'

/** The signed-in account in the header, with sign-out. */
export function AccountMenu({ me }: { me: MeResponse }) {
  const t = useT()
  if (me.kind !== 'user' && me.kind !== 'participant') return null
  return (
    <div className="bp-account">
      {(me.kind === 'user' || (me.kind === 'participant' && me.role === 'secretariaat')) && <Link to="/regelruimte">{t('regelruimte.link')}</Link>}
      {me.kind === 'user' && me.role === 'coordinator' && <Link to="/audit">{t('audit.link')}</Link>}
      {me.kind === 'user' && me.role === 'coordinator' && <Link to="/accounts">{t('accounts.link')}</Link>}
      {me.kind === 'user' && <Link to="/account/wachtwoord">{t('accounts.passwordLink')}</Link>}
      {me.kind === 'user' && me.role === 'coordinator' && <Link to="/privacy">{t('privacy.link')}</Link>}
      <Link to="/privacyverklaring">{t('privacy.statement.link')}</Link>
      <span>{me.name}</span>
      <button
        type="button"
        onClick={() => {
          void logout().finally(() => location.assign('/'))
        }}
      >
        {t('login.logout')}
      </button>
    </div>
  )
}
