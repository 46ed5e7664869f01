import { isSessionId } from '../../shared/sessionId'

export type Route = { name: 'start' } | { name: 'session'; sessionId: string } | { name: 'history'; sessionId: string } | { name: 'join'; token: string } | { name: 'setup'; token: string } | { name: 'audit' } | { name: 'regelruimte' } | { name: 'notFound' }

/** Maps a pathname to a page: `/` is the start page, `/s/:id` a session's board, `/s/:id/geschiedenis` its history, `/join/:token` an invite, `/setup?token=` the first account. */
export function matchRoute(pathname: string, search = ''): Route {
  if (pathname === '/' || pathname === '') return { name: 'start' }
  const session = /^\/s\/([^/]+)\/?$/.exec(pathname)
  if (session) {
    const id = decodeURIComponent(session[1]!)
    return isSessionId(id) ? { name: 'session', sessionId: id } : { name: 'notFound' }
  }
  const history = /^\/s\/([^/]+)\/geschiedenis\/?$/.exec(pathname)
  if (history) {
    const id = decodeURIComponent(history[1]!)
    return isSessionId(id) ? { name: 'history', sessionId: id } : { name: 'notFound' }
  }
  const join = /^\/join\/([A-Za-z0-9_-]{16,200})\/?$/.exec(pathname)
  if (join) return { name: 'join', token: join[1]! }
  if (pathname === '/audit' || pathname === '/audit/') return { name: 'audit' }
  if (pathname === '/regelruimte' || pathname === '/regelruimte/') return { name: 'regelruimte' }
  if (pathname === '/setup' || pathname === '/setup/') {
    const token = new URLSearchParams(search).get('token')
    return token ? { name: 'setup', token } : { name: 'notFound' }
  }
  return { name: 'notFound' }
}
