import { useCallback, useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import type { VerslagVersionSummary } from '../../shared/verslag/versions'
import { formatDate } from '../../shared/dates'
import { ErrorMessage } from '../api/ErrorMessage'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { exportBoardPicture } from './exportBoardPicture'
import { useLiveVerslag } from './useLiveVerslag'
import { afsprakenIcsUrl, listVersions, uploadPicture, vaststellen, verslagUrl } from './verslagApi'
import { VerslagPreview } from './VerslagPreview'

type Job = { kind: 'idle' } | { kind: 'busy'; step: 'picture' | 'vaststellen' } | { kind: 'done'; message: string } | { kind: 'error'; error: unknown }

const FORMATS = ['docx', 'pdf', 'html', 'md', 'json'] as const

/**
 * The "Verslag" view beside the canvas: a live preview of the server's model,
 * downloads in every format, the board picture, vaststellen and the earlier
 * versions (SPEC V15–V18).
 */
export function VerslagPane({ sessionId, doc, editor }: { sessionId: string; doc: Y.Doc; editor: Editor | null }) {
  const t = useT()
  const [language] = useLanguage()
  const { state, refresh } = useLiveVerslag(sessionId, doc, language)
  const [versions, setVersions] = useState<VerslagVersionSummary[] | null>(null)
  const [job, setJob] = useState<Job>({ kind: 'idle' })

  // Unknown (null) until the server answers; asked again once the preview is
  // back, so a pane opened while the server was away does not claim "(0)".
  const loadVersions = useCallback(() => {
    listVersions(sessionId).then(setVersions, () => setVersions(null))
  }, [sessionId])
  useEffect(() => {
    if (state.status === 'ready' && versions === null) loadVersions()
  }, [state.status, versions, loadVersions])

  const takePicture = async (): Promise<boolean> => {
    if (!editor) return false
    setJob({ kind: 'busy', step: 'picture' })
    const png = await exportBoardPicture(editor)
    if (!png) return false
    await uploadPicture(sessionId, png)
    return true
  }

  const onPicture = async () => {
    try {
      const made = await takePicture()
      setJob({ kind: 'done', message: made ? t('verslag.picture.done') : t('verslag.picture.empty') })
      refresh()
    } catch (error) {
      setJob({ kind: 'error', error })
    }
  }

  const onVaststellen = async () => {
    if (!window.confirm(t('verslag.vaststellen.confirm'))) return
    try {
      // A picture that cannot be made does not stop the vaststelling; the version says whether it has one.
      const pictured = await takePicture().catch(() => false)
      setJob({ kind: 'busy', step: 'vaststellen' })
      const version = await vaststellen(sessionId)
      const done = t('verslag.vaststellen.done', { versie: version.versie })
      setJob({ kind: 'done', message: pictured || version.hasPicture ? done : `${done} ${t('verslag.vaststellen.noPicture')}` })
      loadVersions()
      refresh()
    } catch (error) {
      setJob({ kind: 'error', error })
    }
  }

  const busy = job.kind === 'busy'
  const hasDatedAfspraken =
    state.status === 'ready' && state.verslag.sections.some((s) => s.kind === 'afspraken' && s.afspraken.some((a) => a.wanneer !== undefined))
  return (
    <div className="bp-verslag-pane">
      <div className="bp-verslag-pane__actions">
        <div className="bp-downloads" role="group" aria-label={t('verslag.download')}>
          <span className="bp-downloads__label">{t('verslag.download')}</span>
          {FORMATS.map((ext) => (
            <a key={ext} className="bp-button" href={verslagUrl(sessionId, ext, language)} {...(ext === 'html' || ext === 'json' ? { target: '_blank', rel: 'noopener' } : { download: '' })} data-format={ext}>
              .{ext}
            </a>
          ))}
          {hasDatedAfspraken ? (
            <a className="bp-button" href={afsprakenIcsUrl(sessionId)} download="" data-format="ics" title={t('verslag.icsHint')}>
              .ics
            </a>
          ) : (
            // No empty calendar (V23): the link is shown once an afspraak has a date.
            <span className="bp-button bp-button--disabled" aria-disabled="true" data-format="ics" title={t('verslag.icsNone')}>
              .ics
            </span>
          )}
        </div>
        <div className="bp-verslag-pane__buttons">
          <button type="button" onClick={() => void onPicture()} disabled={busy || !editor}>
            {t('verslag.picture.make')}
          </button>
          <button type="button" className="bp-primary" onClick={() => void onVaststellen()} disabled={busy} data-action="vaststellen">
            {t('verslag.vaststellen.button')}
          </button>
        </div>
        <p className="bp-verslag-pane__status" role="status" aria-live="polite">
          {job.kind === 'busy' && (job.step === 'picture' ? t('verslag.picture.busy') : t('verslag.vaststellen.busy'))}
          {job.kind === 'done' && job.message}
          {state.status === 'ready' && state.updating && job.kind !== 'busy' && <span className="bp-muted"> {t('verslag.updating')}</span>}
        </p>
        {job.kind === 'error' && <ErrorMessage error={job.error} />}
      </div>

      <details className="bp-versions" open={versions !== null && versions.length > 0}>
        <summary>{t('verslag.versions.title', { count: versions?.length ?? '…' })}</summary>
        {versions && versions.length === 0 && <p className="bp-muted">{t('verslag.versions.none')}</p>}
        <ol className="bp-versions__list">
          {(versions ?? [])
            .slice()
            .reverse()
            .map((v) => (
              <li key={v.versie} data-versie={v.versie}>
                <strong>{t('verslag.versions.item', { versie: v.versie })}</strong>{' '}
                <span className="bp-muted">{t('verslag.versions.by', { date: formatDate(v.vastgesteldOp, language), who: v.actorName })}</span>
                <span className="bp-versions__links">
                  {FORMATS.map((ext) => (
                    <a key={ext} href={verslagUrl(sessionId, ext, language, v.versie)} {...(ext === 'html' || ext === 'json' ? { target: '_blank', rel: 'noopener' } : { download: '' })}>
                      .{ext}
                    </a>
                  ))}
                </span>
              </li>
            ))}
        </ol>
      </details>

      <div className="bp-verslag-pane__preview">
        {state.status === 'loading' && <p className="bp-muted">{t('verslag.loading')}</p>}
        {state.status === 'error' && (
          <>
            <ErrorMessage error={state.error} onRetry={refresh} />
            {state.last && <VerslagPreview verslag={state.last} />}
          </>
        )}
        {state.status === 'ready' && state.verslag.stickyCount === 0 && <p className="bp-muted" data-testid="verslag-empty">{t('verslag.empty')}</p>}
        {state.status === 'ready' && <VerslagPreview verslag={state.verslag} />}
      </div>
    </div>
  )
}
