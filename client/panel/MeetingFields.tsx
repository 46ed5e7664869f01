import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { readBoard } from '../../shared/boardModel'
import { SESSION_TYPE_LABEL, SESSION_TYPES, type SessionInfo, type SessionType } from '../../shared/session'
import { moveSheet, orderSheets, SHEET_ORDER_KEY } from '../../shared/verslag/sheetOrder'
import { allRecords, writeSessionInfo, Y_SESSION } from '../../shared/ydoc'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'

interface SheetRow {
  id: string
  name: string
}

const sameRows = (a: SheetRow[], b: SheetRow[]) => a.length === b.length && a.every((r, i) => r.id === b[i]!.id && r.name === b[i]!.name)

/** The sheets in the verslag's order (V19), live from the document. */
function useVerslagSheets(doc: Y.Doc): SheetRow[] {
  const read = () =>
    orderSheets(readBoard(allRecords(doc)).sheets, doc.getMap(Y_SESSION).get(SHEET_ORDER_KEY)).map((s) => ({ id: s.id, name: s.name }))
  const [rows, setRows] = useState<SheetRow[]>(read)
  // `read` depends on `doc` only.
  useEffect(() => {
    const update = () => setRows((prev) => {
      const next = read()
      return sameRows(prev, next) ? prev : next
    })
    update()
    doc.on('update', update)
    return () => doc.off('update', update)
  }, [doc])
  return rows
}

/** The fields an import left open (V22), while the session still has the value it filled in. */
function openGaps(doc: Y.Doc, info: SessionInfo): { themagroep: boolean; type: boolean } {
  const gaps = doc.getMap(Y_SESSION).get('importGaps')
  const g = gaps && typeof gaps === 'object' ? (gaps as Record<string, unknown>) : {}
  return { themagroep: typeof g.themagroep === 'string' && g.themagroep === info.themagroep, type: typeof g.type === 'string' && g.type === info.type }
}

/**
 * The meeting's type, date and place (V22: the form asks for what the
 * imported text did not give) and the order of sheets in the verslag (V19),
 * in the session details.
 */
export function MeetingFields({ doc, info, readOnly }: { doc: Y.Doc; info: SessionInfo; readOnly: boolean }) {
  const t = useT()
  const [language] = useLanguage()
  const sheets = useVerslagSheets(doc)
  const gaps = openGaps(doc, info)
  const session = doc.getMap(Y_SESSION)
  const missing = [gaps.themagroep && t('import.report.field.themagroep'), gaps.type && t('import.report.field.type'), !info.date && t('import.report.field.date'), !info.place && t('import.report.field.place')].filter(
    (x): x is string => typeof x === 'string',
  )

  const setType = (type: SessionType) =>
    doc.transact(() => {
      writeSessionInfo(doc, { type })
      // Choosing a type, even the one filled in, answers the question (V22).
      const g = session.get('importGaps')
      if (g && typeof g === 'object' && 'type' in g) {
        const { type: _answered, ...rest } = g as Record<string, unknown>
        if (Object.keys(rest).length > 0) session.set('importGaps', rest)
        else session.delete('importGaps')
      }
    })
  const move = (id: string, delta: -1 | 1) => session.set(SHEET_ORDER_KEY, moveSheet(sheets.map((s) => s.id), id, delta))

  return (
    <>
      <fieldset disabled={readOnly} data-testid="meeting-fields">
        <legend>{t('panel.session.meeting')}</legend>
        {missing.length > 0 && <p className="bp-muted" data-testid="meeting-missing">{t('panel.session.notFound', { fields: missing.join(', ') })}</p>}
        <label>
          {t('panel.session.type')}
          <select name="type" value={gaps.type ? '' : info.type} onChange={(e) => e.target.value && setType(e.target.value as SessionType)}>
            {gaps.type && <option value="">{t('panel.session.typeUnknown')}</option>}
            {SESSION_TYPES.map((type) => (
              <option key={type} value={type}>
                {SESSION_TYPE_LABEL[type][language]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('panel.session.date')}
          <input name="date" type="date" value={info.date ?? ''} onChange={(e) => writeSessionInfo(doc, { date: e.target.value || undefined })} />
        </label>
        <label>
          {t('panel.session.place')}
          <input name="place" value={info.place ?? ''} maxLength={300} onChange={(e) => writeSessionInfo(doc, { place: e.target.value || undefined })} />
        </label>
      </fieldset>
      <fieldset disabled={readOnly} data-testid="sheet-order">
        <legend>{t('panel.session.sheetOrder')}</legend>
        <p className="bp-muted">{t('panel.session.sheetOrderHint')}</p>
        {sheets.length === 0 && <p className="bp-muted">{t('panel.session.noSheets')}</p>}
        <ol className="bp-sheet-order">
          {sheets.map((s, i) => (
            <li key={s.id} data-sheet={s.id}>
              <span className="bp-sheet-order__name">{s.name || t('panel.session.unnamedSheet')}</span>
              <button type="button" onClick={() => move(s.id, -1)} disabled={i === 0} aria-label={t('panel.session.up', { name: s.name })}>
                ↑
              </button>
              <button type="button" onClick={() => move(s.id, 1)} disabled={i === sheets.length - 1} aria-label={t('panel.session.down', { name: s.name })}>
                ↓
              </button>
            </li>
          ))}
        </ol>
        {session.has(SHEET_ORDER_KEY) && (
          <button type="button" onClick={() => session.delete(SHEET_ORDER_KEY)}>
            {t('panel.session.sheetOrderReset')}
          </button>
        )}
      </fieldset>
    </>
  )
}
