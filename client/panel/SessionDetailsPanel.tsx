import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { Deelnemer } from '../../shared/session'
import { writeSessionInfo } from '../../shared/ydoc'
import { useT } from '../i18n/useT'
import { useSessionInfo } from '../sync/useSessionInfo'
import { MeetingFields } from './MeetingFields'

interface Row {
  organisation: string
  name: string
}

const toRows = (deelnemers: readonly Deelnemer[]): Row[] => deelnemers.map((d) => ({ organisation: d.organisation, name: d.name ?? '' }))
/** Only complete rows go into the document: an empty organisation would make the session info invalid. */
const toDeelnemers = (rows: readonly Row[]): Deelnemer[] =>
  rows.filter((r) => r.organisation.trim() !== '').map((r) => (r.name.trim() ? { organisation: r.organisation, name: r.name } : { organisation: r.organisation }))
const toAfgemeld = (rows: readonly string[]): string[] => rows.filter((r) => r.trim() !== '')
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Session details for the secretariaat (deelnemers, afgemeld, inleiding,
 * geplaatst op), written into the document's "session" map so that every
 * board and the verslag follow live. Read-only for roles that may not edit.
 */
export function SessionDetailsPanel({ doc, readOnly }: { doc: Y.Doc; readOnly: boolean }) {
  const t = useT()
  const info = useSessionInfo(doc)
  const [rows, setRows] = useState<Row[]>([])
  const [afgemeld, setAfgemeld] = useState<string[]>([])

  // Follow remote changes unless the local draft already says the same (half-typed rows stay).
  useEffect(() => {
    if (!info) return
    setRows((draft) => (same(toDeelnemers(draft), info.deelnemers) ? draft : toRows(info.deelnemers)))
    setAfgemeld((draft) => (same(toAfgemeld(draft), info.afgemeld) ? draft : [...info.afgemeld]))
  }, [info])

  if (!info) return <p className="bp-muted bp-pane__hint">{t('board.loading')}</p>
  const writeRows = (next: Row[]) => {
    setRows(next)
    if (!same(toDeelnemers(next), info.deelnemers)) writeSessionInfo(doc, { deelnemers: toDeelnemers(next) })
  }
  const writeAfgemeld = (next: string[]) => {
    setAfgemeld(next)
    if (!same(toAfgemeld(next), info.afgemeld)) writeSessionInfo(doc, { afgemeld: toAfgemeld(next) })
  }

  return (
    <form className="bp-session-details" onSubmit={(e) => e.preventDefault()}>
      {readOnly && <p className="bp-muted">{t('panel.session.readOnly')}</p>}
      <MeetingFields doc={doc} info={info} readOnly={readOnly} />
      <fieldset disabled={readOnly}>
        <legend>{t('panel.session.deelnemers')}</legend>
        {rows.length === 0 && <p className="bp-muted">{t('panel.session.noDeelnemers')}</p>}
        <ul className="bp-rows">
          {rows.map((row, i) => (
            <li key={i} className="bp-rows__row" data-row="deelnemer">
              <input
                aria-label={t('panel.session.organisation')}
                placeholder={t('panel.session.organisation')}
                value={row.organisation}
                onChange={(e) => writeRows(rows.map((r, j) => (j === i ? { ...r, organisation: e.target.value } : r)))}
              />
              <input
                aria-label={t('panel.session.name')}
                placeholder={t('panel.session.nameOptional')}
                value={row.name}
                onChange={(e) => writeRows(rows.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)))}
              />
              {!readOnly && (
                <button type="button" className="bp-icon-button" onClick={() => writeRows(rows.filter((_, j) => j !== i))} aria-label={t('panel.session.removeRow')} title={t('panel.session.removeRow')}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {!readOnly && (
          <button type="button" onClick={() => setRows([...rows, { organisation: '', name: '' }])}>
            + {t('panel.session.addDeelnemer')}
          </button>
        )}
      </fieldset>
      <fieldset disabled={readOnly}>
        <legend>{t('panel.session.afgemeld')}</legend>
        {afgemeld.length === 0 && <p className="bp-muted">{t('panel.session.noAfgemeld')}</p>}
        <ul className="bp-rows">
          {afgemeld.map((value, i) => (
            <li key={i} className="bp-rows__row" data-row="afgemeld">
              <input
                aria-label={t('panel.session.organisation')}
                placeholder={t('panel.session.organisation')}
                value={value}
                onChange={(e) => writeAfgemeld(afgemeld.map((a, j) => (j === i ? e.target.value : a)))}
              />
              {!readOnly && (
                <button type="button" className="bp-icon-button" onClick={() => writeAfgemeld(afgemeld.filter((_, j) => j !== i))} aria-label={t('panel.session.removeRow')} title={t('panel.session.removeRow')}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {!readOnly && (
          <button type="button" onClick={() => setAfgemeld([...afgemeld, ''])}>
            + {t('panel.session.addAfgemeld')}
          </button>
        )}
      </fieldset>
      <fieldset disabled={readOnly}>
        <legend>{t('panel.session.intro')}</legend>
        <textarea name="intro" aria-label={t('panel.session.intro')} rows={6} value={info.intro ?? ''} onChange={(e) => writeSessionInfo(doc, { intro: e.target.value || undefined })} placeholder={t('panel.session.introPlaceholder')} />
      </fieldset>
      <fieldset disabled={readOnly}>
        <legend>{t('panel.session.geplaatstOp')}</legend>
        <input name="geplaatstOp" type="date" aria-label={t('panel.session.geplaatstOp')} value={info.geplaatstOp ?? ''} onChange={(e) => writeSessionInfo(doc, { geplaatstOp: e.target.value || undefined })} />
        <p className="bp-muted">{t('panel.session.geplaatstOpHint')}</p>
      </fieldset>
    </form>
  )
}
