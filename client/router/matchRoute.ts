import { isSessionId } from '../../shared/sessionId'

export type Route = { name: 'start' } | { name: 'session'; sessionId: string } | { name: 'phone'; sessionId: string } | { name: 'list'; sessionId: string } | { name: 'history'; sessionId: string } | { name: 'join'; token: string } | { name: 'shortLink'; code: string } | { name: 'setup'; token: string } | { name: 'audit' } | { name: 'privacy' } | { name: 'privacyStatement' } | { name: 'regelruimte' } | { name: 'actielijst'; themagroep: string } | { name: 'accounts' } | { name: 'password' } | { name: 'accountLink'; token: string } | { name: 'notFound' }

/** Maps a pathname to a page: `/` is the start page, `/s/:id` a session's board, `/s/:id/geschiedenis` its history, `/join/:token` an invite, `/setup?token=` the first account. */
export function matchRoute(pathname: string, search = ''): Route {
  if (pathname === '/' || pathname === '') return { name: 'start' }
  const session = /^\/s\/([^/]+)(?:\/(telefoon|lijst))?\/?$/.exec(pathname)
  if (session) {
    const id = decodeURIComponent(session[1]!)
    if (!isSessionId(id)) return { name: 'notFound' }
    // The phone page (SPEC M1) and the list view (M10) of the same session.
    if (session[2] === 'telefoon') return { name: 'phone', sessionId: id }
    if (session[2] === 'lijst') return { name: 'list', sessionId: id }
    return { name: 'session', sessionId: id }
  }
  const history = /^\/s\/([^/]+)\/geschiedenis\/?$/.exec(pathname)
  if (history) {
    const id = decodeURIComponent(history[1]!)
    return isSessionId(id) ? { name: 'history', sessionId: id } : { name: 'notFound' }
  }
  // A short join link (SPEC M7): Crockford base32, any case.
  const short = /^\/j\/([0-9A-Za-z]{12})\/?$/.exec(pathname)
  if (short) return { name: 'shortLink', code: short[1]!.toLowerCase() }
  const join = /^\/join\/([A-Za-z0-9_-]{16,200})\/?$/.exec(pathname)
  if (join) return { name: 'join', token: join[1]! }
  if (pathname === '/audit' || pathname === '/audit/') return { name: 'audit' }
  if (pathname === '/privacy' || pathname === '/privacy/') return { name: 'privacy' }
  if (pathname === '/privacyverklaring' || pathname === '/privacyverklaring/') return { name: 'privacyStatement' }
  if (pathname === '/regelruimte' || pathname === '/regelruimte/') return { name: 'regelruimte' }
  // U11: accounts in the app.
  if (pathname === '/accounts' || pathname === '/accounts/') return { name: 'accounts' }
  if (pathname === '/account/wachtwoord' || pathname === '/account/wachtwoord/') return { name: 'password' }
  if (pathname === '/account/nieuw' || pathname === '/account/nieuw/') {
    const token = new URLSearchParams(search).get('token')
    return token ? { name: 'accountLink', token } : { name: 'notFound' }
  }
  const actielijst = /^\/themagroepen\/([^/]+)\/actielijst\/?$/.exec(pathname)
  if (actielijst) {
    try {
      const themagroep = decodeURIComponent(actielijst[1]!).trim()
      return themagroep ? { name: 'actielijst', themagroep } : { name: 'notFound' }
    } catch {
      return { name: 'notFound' }
    }
  }
  if (pathname === '/setup' || pathname === '/setup/') {
    const token = new URLSearchParams(search).get('token')
    return token ? { name: 'setup', token } : { name: 'notFound' }
  }
  return { name: 'notFound' }
}
