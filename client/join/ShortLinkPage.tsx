import { useEffect, useState } from 'react'
import { ErrorMessage } from '../api/ErrorMessage'
import { resolveShortLink } from '../access/shortLinkApi'
import { PageHeader } from '../layout/PageHeader'
import { useT } from '../i18n/useT'
import { Link } from '../router/Link'
import { NAVIGATE_EVENT } from '../router/navigate'

/** `/j/<code>` (SPEC M7): looks the short link up and goes on to the invite's join page, replacing itself in the history. */
export function ShortLinkPage({ code }: { code: string }) {
  const t = useT()
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    resolveShortLink(code).then((token) => {
      history.replaceState(null, '', `/join/${token}`)
      window.dispatchEvent(new Event(NAVIGATE_EVENT))
    }, setError)
  }, [code])
  return (
    <div className="bp-start">
      <PageHeader />
      <main className="bp-join">
        {error === null ? (
          <p>{t('shortLink.resolving')}</p>
        ) : (
          <div className="bp-join__failed">
            <ErrorMessage error={error} />
            <p>
              <Link to="/">{t('app.toStart')}</Link>
            </p>
          </div>
        )}
      </main>
    </div>
  )
}
