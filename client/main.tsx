import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { I18nProvider } from './i18n/I18nProvider'
import { matchRoute } from './router/matchRoute'
import { startBoardSync } from './sync/earlySync'
import './styles/app.css'

// SPEC M19: a board's sync starts before the first render (App starts it on a later navigation).
const route = matchRoute(location.pathname, location.search)
if (route.name === 'session') startBoardSync(route.sessionId)

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
)
