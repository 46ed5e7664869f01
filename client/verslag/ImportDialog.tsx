import { useEffect, useRef, useState, type FormEvent } from 'react'
import { ErrorMessage } from '../api/ErrorMessage'
import { useT } from '../i18n/useT'
import { navigate } from '../router/navigate'
import './verslag.css'
import { isImportableFile } from './isImportableFile'
import { importVerslag } from './verslagApi'
import { ImportReportView } from './ImportReportView'
import type { ImportReport } from '../../shared/verslag/importReport'

type Source = 'paste' | 'file'

/**
 * Import a verslag (SPEC I1–I13): paste its text or choose a .txt / .docx
 * file; the server makes a new session of it, which opens right away.
 */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const t = useT()
  const [source, setSource] = useState<Source>('paste')
  const [text, setText] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  /** The imported session and its report (SPEC I20), shown before the board opens. */
  const [done, setDone] = useState<{ id: string; report: ImportReport } | null>(null)
  const first = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    first.current?.focus()
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !busy && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [busy, onClose])

  const ready = source === 'paste' ? text.trim() !== '' : file !== null && isImportableFile(file.name)
  const choose = (next: Source) => {
    setSource(next)
    setError(null)
  }
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!ready) return
    setBusy(true)
    setError(null)
    try {
      const created = await importVerslag(source === 'paste' ? { text } : { file: file! })
      if (created.report) {
        setDone({ id: created.id, report: created.report })
        setBusy(false)
      } else navigate(`/s/${encodeURIComponent(created.id)}`)
    } catch (cause) {
      setError(cause)
      setBusy(false)
    }
  }

  if (done) {
    const open = () => navigate(`/s/${encodeURIComponent(done.id)}`)
    return (
      <div className="bp-modal" role="dialog" aria-modal="true" aria-labelledby="import-report-title">
        <div className="bp-card bp-form bp-import__card">
          <ImportReportView sessionId={done.id} report={done.report} onOpen={open} />
        </div>
      </div>
    )
  }

  return (
    <div className="bp-modal" role="dialog" aria-modal="true" aria-labelledby="import-title" onClick={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form className="bp-card bp-form bp-import__card" onSubmit={onSubmit}>
        <h2 id="import-title">{t('import.title')}</h2>
        <p className="bp-muted">{t('import.body')}</p>
        <div className="bp-import__tabs" role="group" aria-label={t('import.source')}>
          <button type="button" aria-pressed={source === 'paste'} onClick={() => choose('paste')}>
            {t('import.paste')}
          </button>
          <button type="button" aria-pressed={source === 'file'} onClick={() => choose('file')}>
            {t('import.file')}
          </button>
        </div>
        {source === 'paste' ? (
          <label>
            <span className="bp-visually-hidden">{t('import.paste')}</span>
            <textarea ref={first} name="verslag" value={text} onChange={(e) => {
              setText(e.target.value)
              setError(null)
            }} placeholder={t('import.placeholder')} spellCheck={false} />
          </label>
        ) : (
          <label className="bp-import__file">
            {t('import.chooseFile')}
            <input name="file" type="file" accept=".txt,.md,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null
              setFile(chosen)
              // A PDF, an old .doc or an image would become a sessie of gibberish: say so before uploading.
              setError(chosen && !isImportableFile(chosen.name) ? new Error(t('import.wrongType', { name: chosen.name })) : null)
            }} />
            {file && <span className="bp-muted">{t('import.chosen', { name: file.name, kb: Math.max(1, Math.round(file.size / 1024)) })}</span>}
          </label>
        )}
        {error !== null && <ErrorMessage error={error} />}
        <div className="bp-import__actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('import.cancel')}
          </button>
          <button type="submit" className="bp-primary" disabled={!ready || busy}>
            {busy ? t('import.busy') : t('import.submit')}
          </button>
        </div>
      </form>
    </div>
  )
}
