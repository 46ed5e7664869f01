import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { apiErrorText } from './apiErrorText'

/** Shows an API error readably, in the UI's language (apiErrorText), or a plain network hint. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT()
  const [language] = useLanguage()
  const { text, code } = apiErrorText(error, language)
  return (
    <div className="bp-error" role="alert" data-error-code={code ?? undefined}>
      <strong>{t('error.title')}</strong>
      <p>{text}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  )
}
