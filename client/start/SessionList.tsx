import type { SessionSummary } from '../../shared/api'
import { sessionTypeLabel } from '../i18n/domainLabels'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { Link } from '../router/Link'
import { formatDate } from './formatDate'
import { groupByThemagroep } from './groupByThemagroep'

export function SessionList({ sessions }: { sessions: readonly SessionSummary[] }) {
  const t = useT()
  const [language] = useLanguage()
  return (
    <div className="bp-groups">
      {groupByThemagroep(sessions).map((group) => (
        <section key={group.themagroep} className="bp-group" aria-label={group.themagroep}>
          <h2>
            {group.themagroep} <span className="bp-muted">· {group.sessions.length === 1 ? t('start.countOne') : t('start.count', { count: group.sessions.length })}</span>
          </h2>
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
