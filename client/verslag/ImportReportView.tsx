import { useState } from 'react'
import { TAG_INFO, TAGS, type Tag } from '../../shared/tags'
import type { ImportReport } from '../../shared/verslag/importReport'
import { ErrorMessage } from '../api/ErrorMessage'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { retagSheet } from './verslagApi'

type Counted = 'headings' | 'numberedLists' | 'bulletLists' | 'paragraphs' | 'afspraken'
const COUNTED: Counted[] = ['headings', 'numberedLists', 'bulletLists', 'paragraphs', 'afspraken']

/**
 * What the import recognised (SPEC I20): "6 kopjes, 3 genummerde lijsten,
 * 2 afspraken", what was left out, what the text did not give, and per
 * section its tag, changed in one click for every sticky of that section.
 */
export function ImportReportView({ sessionId, report, onOpen }: { sessionId: string; report: ImportReport; onOpen(): void }) {
  const t = useT()
  const [language] = useLanguage()
  const [tags, setTags] = useState<Record<string, Tag>>(() => Object.fromEntries(report.sections.map((s) => [s.sheetId, s.tag])))
  const [busy, setBusy] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const count = (key: Counted, n: number) => t(n === 1 ? `import.report.${key}.one` : `import.report.${key}.other`, { n })
  const summary = COUNTED.filter((k) => report[k] > 0).map((k) => count(k, report[k]))

  const onTag = async (sheetId: string, tag: Tag) => {
    setBusy(sheetId)
    setError(null)
    setSaved(null)
    try {
      await retagSheet(sessionId, sheetId, tag)
      setTags((prev) => ({ ...prev, [sheetId]: tag }))
      setSaved(sheetId)
    } catch (cause) {
      setError(cause)
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="bp-import__report" data-testid="import-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title">{t('import.report.title')}</h2>
      <p data-testid="import-summary">{summary.length > 0 ? summary.join(', ') : t('import.report.nothing')}</p>
      <p className="bp-muted">{t(`import.report.shape.${report.shape}`)}</p>
      {report.dropped.length > 0 && <p className="bp-muted">{t('import.report.dropped', { n: report.dropped.length, lines: report.dropped.slice(0, 3).join(' · ') })}</p>}
      {report.imagePlaceholders > 0 && <p className="bp-muted">{t('import.report.placeholders', { n: report.imagePlaceholders })}</p>}
      {report.missing.length > 0 && (
        <p className="bp-muted">{t('import.report.missing', { fields: report.missing.map((m) => t(`import.report.field.${m}`)).join(', ') })}</p>
      )}
      {report.sections.length > 0 && (
        <table className="bp-import__sections">
          <caption>{t('import.report.sections')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.report.section')}</th>
              <th scope="col">{t('import.report.tag')}</th>
            </tr>
          </thead>
          <tbody>
            {report.sections.map((s) => (
              <tr key={s.sheetId}>
                <td>
                  {s.name} <span className="bp-muted">({s.stickies})</span>
                </td>
                <td>
                  <select
                    aria-label={t('import.report.tagOf', { name: s.name })}
                    value={tags[s.sheetId] ?? s.tag}
                    disabled={busy !== null || s.stickies === 0}
                    onChange={(e) => void onTag(s.sheetId, e.target.value as Tag)}
                  >
                    {TAGS.map((tag) => (
                      <option key={tag} value={tag}>
                        {TAG_INFO[tag].label[language]}
                      </option>
                    ))}
                  </select>
                  {saved === s.sheetId && <span className="bp-muted"> {t('import.report.saved')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <div className="bp-import__actions">
        <button type="button" className="bp-primary" onClick={onOpen} data-action="open-board">
          {t('import.report.open')}
        </button>
      </div>
    </section>
  )
}
