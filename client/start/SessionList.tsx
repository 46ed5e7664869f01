import type { SessionSummary } from '../../shared/api'
import { sessionTypeLabel } from '../i18n/domainLabels'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { Link } from '../router/Link'
import { formatDate } from './formatDate'
import { groupByThemagroep } from './groupByThemagroep'

/** `showActielijst`: the signed-in account may open each themagroep's actielijst (SPEC A1, A7). */
export function SessionList({ sessions, showActielijst = false }: { sessions: readonly SessionSummary[]; showActielijst?: boolean }) {
  const t = useT()
  const [language] = useLanguage()
  return (
    <div className="bp-groups">
      {groupByThemagroep(sessions).map((group) => (
        <section key={group.themagroep} className="bp-group" aria-label={group.themagroep}>
          <h2>
            {group.themagroep} <span className="bp-muted">· {group.sessions.length === 1 ? t('start.countOne') : t('start.count', { count: group.sessions.length })}</span>
          </h2>
          {showActielijst && (
            <Link className="bp-group__link" to={`/themagroepen/${encodeURIComponent(group.themagroep)}/actielijst`}>
              {t('actielijst.link')}
            </Link>
          )}
          <ul className="bp-sessions">
            {group.sessions.map((session) => (
              <li key={session.id}>
                <Link to={`/s/${session.id}`} className="bp-session">
                  <span className="bp-session__title">{session.title}</span>
                  <span className="bp-session__meta">
                    {sessionTypeLabel(session.type)} ·{' '}
                    {session.date ? formatDate(session.date, language) : t('start.noDate')}
                    {session.place ? ` · ${session.place}` : ''}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
