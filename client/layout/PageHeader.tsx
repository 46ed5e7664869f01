import type { MeResponse } from '../../shared/access'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useT } from '../i18n/useT'
import { useIdentity } from '../identity/useIdentity'
import { AccountMenu } from '../start/AccountMenu'

/** The header of every page but the board: logo and name, who is signed in, language. */
export function PageHeader({ me }: { me?: MeResponse | null }) {
  const t = useT()
  return (
    <header className="bp-header">
      <h1>
        <span className="bp-logo" aria-hidden="true" />
        {t('app.name')}
      </h1>
      {me && <AccountMenu me={me} />}
      <LanguageSwitch />
    </header>
  )
}

/** PageHeader for pages that do not know the identity themselves (audit log, register). */
export function SignedInPageHeader() {
  const identity = useIdentity()
  return <PageHeader me={identity.status === 'ready' ? (identity.identity?.me ?? null) : null} />
}
