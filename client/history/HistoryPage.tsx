import './history.css'
import { useCallback, useEffect, useState } from 'react'
import type { HistoryVersionSummary, RestoreResponse } from '../../shared/history'
import { ApiRequestError } from '../api/ApiRequestError'
import { ErrorMessage } from '../api/ErrorMessage'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { SignedInPageHeader } from '../layout/PageHeader'
import { Link } from '../router/Link'
import { ConfirmRestore } from './ConfirmRestore'
import { describeCounts, describeVersion } from './describeVersion'
import { listHistory, restoreHistoryVersion } from './historyApi'
import { VersionPreview } from './VersionPreview'

type ListState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; versions: HistoryVersionSummary[] }

/**
 * The board's history for the coördinator and the secretariaat (SPEC H1–H8,
 * P21): every saved version with why, when, who and what it holds; a preview;
 * a restore after confirmation, which every open board follows.
 */
export function HistoryPage({ sessionId }: { sessionId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const [list, setList] = useState<ListState>({ status: 'loading' })
  const [selected, setSelected] = useState<number | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [restoring, setRestoring] = useState(false)
  const [restoreError, setRestoreError] = useState<unknown>(null)
  const [restored, setRestored] = useState<RestoreResponse | null>(null)

  const load = useCallback(() => {
    listHistory(sessionId).then(
      (versions) => {
        setList({ status: 'ready', versions })
        setSelected((current) => current ?? versions[0]?.version ?? null)
      },
      (error: unknown) => setList({ status: 'error', error }),
    )
  }, [sessionId])
  useEffect(load, [load])

  const when = useCallback(
    (iso: string) => new Date(iso).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' }),
    [language],
  )
  const versions = list.status === 'ready' ? list.versions : []
  const chosen = versions.find((v) => v.version === selected) ?? null

  const restore = async () => {
    if (!chosen) return
    setRestoring(true)
    setRestoreError(null)
    try {
      const result = await restoreHistoryVersion(sessionId, chosen.version)
      setRestored(result)
      setConfirming(false)
      load()
    } catch (error) {
      setRestoreError(error)
      setConfirming(false)
    } finally {
      setRestoring(false)
    }
  }

  return (
    <div className="bp-start">
      <SignedInPageHeader />
      <main className="bp-history">
        <Link to={`/s/${encodeURIComponent(sessionId)}`}>← {t('history.back')}</Link>
        <h1>{t('history.title')}</h1>
        <p className="bp-muted">{t('history.intro')}</p>
        {restored && (
          <p className="bp-history__notice" role="status">
            {t('history.restored', { version: restored.restored, before: restored.before.version })}
          </p>
        )}
        {restoreError !== null && <ErrorMessage error={restoreError} />}
        {list.status === 'loading' && <p>{t('history.loading')}</p>}
        {list.status === 'error' &&
          (list.error instanceof ApiRequestError && list.error.status === 403 ? (
            <p className="bp-error" role="alert" data-testid="history-forbidden">
              {t('history.forbidden')}
            </p>
          ) : (
            <ErrorMessage error={list.error} onRetry={load} />
          ))}
        {list.status === 'ready' && versions.length === 0 && <p data-testid="history-empty">{t('history.empty')}</p>}
        {versions.length > 0 && (
          <div className="bp-history__layout">
            <section aria-labelledby="history-list-title">
              <h2 id="history-list-title">{t('history.list')}</h2>
              <ol className="bp-history__list">
                {versions.map((version) => {
                  const current = version.version === selected
                  return (
                    <li key={version.version} data-version={version.version} data-kind={version.kind} className={current ? 'bp-history__item bp-history__item--current' : 'bp-history__item'}>
                      <button type="button" aria-pressed={current} onClick={() => setSelected(version.version)}>
                        <span>
                          <strong>{t('history.version', { version: version.version })}</strong> · <time dateTime={version.takenAt}>{when(version.takenAt)}</time>
                        </span>
                        <span className="bp-history__why">{describeVersion(t, version, language)}</span>
                        <span className="bp-muted">{describeCounts(t, version)}</span>
                      </button>
                    </li>
                  )
                })}
              </ol>
            </section>
            {chosen && (
              <section className="bp-history__preview" aria-live="polite">
                <VersionPreview sessionId={sessionId} version={chosen.version} when={when} />
                <button type="button" className="bp-primary" onClick={() => setConfirming(true)} disabled={restoring}>
                  {t('history.restore')}
                </button>
              </section>
            )}
          </div>
        )}
        {confirming && chosen && (
          <ConfirmRestore
            version={chosen.version}
            body={t('history.confirm.body', { when: when(chosen.takenAt), counts: describeCounts(t, chosen) })}
            busy={restoring}
            onConfirm={() => void restore()}
            onCancel={() => setConfirming(false)}
          />
        )}
      </main>
    </div>
  )
}
