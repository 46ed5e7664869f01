import { lazy, Suspense, useEffect } from 'react'
import { useT } from './i18n/useT'
import { Link } from './router/Link'
import { matchRoute } from './router/matchRoute'
import { usePathname } from './router/usePathname'
import { JoinPage } from './join/JoinPage'
import { ShortLinkPage } from './join/ShortLinkPage'
import { startBoardSync, stopBoardSync } from './sync/earlySync'

const SessionPage = lazy(() => import('./board/SessionPage'))
// Without tldraw: the phone page must load fast on a phone (SPEC M1).
const PhonePage = lazy(() => import('./phone/PhonePage'))
const ListPage = lazy(() => import('./list/ListPage'))
// Pages for accounts only: out of the entry chunk that a phone loads.
const AuditPage = lazy(() => import('./access/AuditPage').then((m) => ({ default: m.AuditPage })))
const PrivacyPage = lazy(() => import('./privacy/PrivacyPage').then((m) => ({ default: m.PrivacyPage })))
const PrivacyStatementPage = lazy(() => import('./privacy/PrivacyStatementPage').then((m) => ({ default: m.PrivacyStatementPage })))
// The start page (session templates, the import dialog) and setup: out of the chunk a phone loads on its way to the phone page (SPEC M1).
const StartPage = lazy(() => import('./start/StartPage').then((m) => ({ default: m.StartPage })))
const SetupPage = lazy(() => import('./setup/SetupPage').then((m) => ({ default: m.SetupPage })))
const ActielijstPage = lazy(() => import('./actielijst/ActielijstPage').then((m) => ({ default: m.ActielijstPage })))
const HistoryPage = lazy(() => import('./history/HistoryPage').then((m) => ({ default: m.HistoryPage })))
// Accounts in the app (SPEC U11): out of the entry chunk too.
const AccountsPage = lazy(() => import('./accounts/AccountsPage').then((m) => ({ default: m.AccountsPage })))
const PasswordPage = lazy(() => import('./accounts/PasswordPage').then((m) => ({ default: m.PasswordPage })))
const AccountLinkPage = lazy(() => import('./accounts/AccountLinkPage').then((m) => ({ default: m.AccountLinkPage })))
const RegelruimtePage = lazy(() => import('./regelruimte/RegelruimtePage').then((m) => ({ default: m.RegelruimtePage })))

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
  // SPEC M19: the board's sync starts now, while its chunk (tldraw) loads.
  const board = route.name === 'session' ? route.sessionId : null
  if (board) startBoardSync(board)
  useEffect(() => {
    if (!board) stopBoardSync()
  }, [board])
  switch (route.name) {
    case 'start':
      return (
        <Suspense fallback={<Loading />}>
          <StartPage />
        </Suspense>
      )
    case 'session':
      return (
        <Suspense fallback={<Loading />}>
          <SessionPage key={route.sessionId} sessionId={route.sessionId} />
        </Suspense>
      )
    case 'phone':
      return (
        <Suspense fallback={<Loading />}>
          <PhonePage key={route.sessionId} sessionId={route.sessionId} />
        </Suspense>
      )
    case 'list':
      return (
        <Suspense fallback={<Loading />}>
          <ListPage key={route.sessionId} sessionId={route.sessionId} />
        </Suspense>
      )
    case 'history':
      return (
        <Suspense fallback={<Loading />}>
          <HistoryPage key={route.sessionId} sessionId={route.sessionId} />
        </Suspense>
      )
    case 'shortLink':
      return <ShortLinkPage key={route.code} code={route.code} />
    case 'join':
      return <JoinPage token={route.token} />
    case 'setup':
      return (
        <Suspense fallback={<Loading />}>
          <SetupPage token={route.token} />
        </Suspense>
      )
    case 'audit':
      return (
        <Suspense fallback={<Loading />}>
          <AuditPage />
        </Suspense>
      )
    case 'privacy':
      return (
        <Suspense fallback={<Loading />}>
          <PrivacyPage />
        </Suspense>
      )
    case 'privacyStatement':
      return (
        <Suspense fallback={<Loading />}>
          <PrivacyStatementPage />
        </Suspense>
      )
    case 'regelruimte':
      return (
        <Suspense fallback={<Loading />}>
          <RegelruimtePage />
        </Suspense>
      )
    case 'actielijst':
      return (
        <Suspense fallback={<Loading />}>
          <ActielijstPage key={route.themagroep} themagroep={route.themagroep} />
        </Suspense>
      )
    case 'accounts':
      return (
        <Suspense fallback={<Loading />}>
          <AccountsPage />
        </Suspense>
      )
    case 'password':
      return (
        <Suspense fallback={<Loading />}>
          <PasswordPage />
        </Suspense>
      )
    case 'accountLink':
      return (
        <Suspense fallback={<Loading />}>
          <AccountLinkPage token={route.token} />
        </Suspense>
      )
    case 'notFound':
      return <NotFound />
  }
}
