import { lazy, Suspense } from 'react'
import { AuditPage } from './access/AuditPage'
import { HistoryPage } from './history/HistoryPage'
import { useT } from './i18n/useT'
import { Link } from './router/Link'
import { matchRoute } from './router/matchRoute'
import { usePathname } from './router/usePathname'
import { RegelruimtePage } from './regelruimte/RegelruimtePage'
import { JoinPage } from './join/JoinPage'
import { SetupPage } from './setup/SetupPage'
import { StartPage } from './start/StartPage'

const SessionPage = lazy(() => import('./board/SessionPage'))

function Loading() {
  const t = useT()
  return <div className="bp-center">{t('app.loading')}</div>
}

function NotFound() {
  const t = useT()
  return (
    <div className="bp-center">
      <p>{t('app.notFound')}</p>
      <Link to="/">{t('app.toStart')}</Link>
    </div>
  )
}

/** Start page at `/`, a session's board at `/s/:id`. */
export function App() {
  const route = matchRoute(usePathname(), location.search)
  switch (route.name) {
    case 'start':
      return <StartPage />
    case 'session':
      return (
        <Suspense fallback={<Loading />}>
          <SessionPage key={route.sessionId} sessionId={route.sessionId} />
        </Suspense>
      )
    case 'history':
      return <HistoryPage key={route.sessionId} sessionId={route.sessionId} />
    case 'join':
      return <JoinPage token={route.token} />
    case 'setup':
      return <SetupPage token={route.token} />
    case 'audit':
      return <AuditPage />
    case 'regelruimte':
      return <RegelruimtePage />
    case 'notFound':
      return <NotFound />
  }
}
