import '../access/access.css'
import { useT } from '../i18n/useT'
import { Link } from '../router/Link'

/** The privacy statement (SPEC G7): what is stored, for how long, who can erase. Public. */
export function PrivacyStatementPage() {
  const t = useT()
  return (
    <div className="bp-start">
      <main className="bp-audit bp-privacy">
        <Link to="/">← {t('board.back')}</Link>
        <h1>{t('privacy.statement.title')}</h1>
        <h2>{t('privacy.statement.what')}</h2>
        <p>{t('privacy.statement.whatBody')}</p>
        <h2>{t('privacy.statement.howLong')}</h2>
        <p>{t('privacy.statement.howLongBody')}</p>
        <h2>{t('privacy.statement.who')}</h2>
        <p>{t('privacy.statement.whoBody')}</p>
      </main>
    </div>
  )
}
