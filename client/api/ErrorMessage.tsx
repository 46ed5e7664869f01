import { useT } from '../i18n/useT'
import { ApiRequestError } from './ApiRequestError'

/** Shows an API error readably: the server's message, or a plain network hint. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT()
  let text: string
  let code: string | null = null
  if (error instanceof ApiRequestError) {
    if (error.status === 0) text = t('error.network')
    else {
      text = error.message || t('error.unexpected', { status: error.status })
      code = `${error.status} ${error.code}`
    }
  } else text = error instanceof Error ? error.message : String(error)
  return (
    <div className="bp-error" role="alert">
      <strong>{t('error.title')}</strong>
      <p>{text}</p>
      {code && <p className="bp-error__code">{code}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  )
}
