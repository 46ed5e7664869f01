import { useId, useState } from 'react'
import { formatDate } from '../../shared/dates'
import type { RegisterRow } from '../../shared/regelruimte'
import { REGELRUIMTE_STATUSES, regelruimteStatusSchema } from '../../shared/sticky'
import { VERSLAG_LABELS } from '../../shared/verslag/labels'
import { ErrorMessage } from '../api/ErrorMessage'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { Link } from '../router/Link'
import { patchStatus } from './regelruimteApi'
import { EvidenceChain } from './EvidenceChain'
import { StatusBadge } from './StatusBadge'

/**
 * One request of the register: its fields, status (changeable), history, and
 * where it comes from. `ownsSession` false (an invited secretariaat looking
 * at another session of its themagroep, R11): the status reads only, and
 * the session is named without a link (its board is not theirs to open).
 */
export function RegisterRowView({ row, onChanged, ownsSession = true }: { row: RegisterRow; onChanged: (row: RegisterRow) => void; ownsSession?: boolean }) {
  const t = useT()
  const [language] = useLanguage()
  const label = VERSLAG_LABELS[language].statusLabel
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)
  // R12: the evidence chain as a picture, in a row of its own under the request (the table's full width).
  const [showChain, setShowChain] = useState(false)
  const chainId = useId()
  const hasChain = row.keten.conclusies.length > 0 || row.keten.direct.length > 0
  const when = (iso: string) => new Date(iso).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' })

  const change = (value: string) => {
    const status = regelruimteStatusSchema.safeParse(value)
    if (!status.success || status.data === row.status) return
    setSaving(true)
    setError(null)
    patchStatus(row.sessionId, row.stickyId, status.data).then(
      (answer) => {
        setSaving(false)
        onChanged({ ...row, status: answer.status, history: answer.history })
      },
      (err: unknown) => {
        setSaving(false)
        setError(err)
      },
    )
  }

  return (
    <>
      <tr data-sticky={row.stickyId} data-status={row.status}>
        <td className="bp-register__nummer">{row.nummer}</td>
        <td>
          <div className="bp-register__text">{row.text}</div>
          {row.gevraagdeRuimte && <div className="bp-register__sub">{t('regelruimte.gevraagd', { text: row.gevraagdeRuimte })}</div>}
          {row.indiener && <div className="bp-register__sub">{t('regelruimte.indiener', { name: row.indiener })}</div>}
        </td>
        <td>{row.regeling ?? '—'}</td>
        <td>{row.adressaat ?? '—'}</td>
        <td className="bp-register__status">
          <StatusBadge status={row.status} />
          {ownsSession && (
          <select
            aria-label={t('regelruimte.change', { nummer: `${row.nummer} (${row.sessionTitle})` })}
            value={row.status}
            disabled={saving}
            onChange={(e) => change(e.target.value)}
          >
            {REGELRUIMTE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label[s]}
              </option>
            ))}
          </select>
          )}
          {saving && <span className="bp-muted">{t('regelruimte.saving')}</span>}
          {error !== null && <ErrorMessage error={error} />}
          {row.history.length > 0 && (
            <details className="bp-register__history">
              <summary>{t('regelruimte.history', { count: row.history.length })}</summary>
              <ol>
                {row.history.map((h, i) => (
                  <li key={i}>
                    {h.from === null
                      ? t('regelruimte.history.created', { when: when(h.at), to: label[h.to], who: h.actorName })
                      : t('regelruimte.history.changed', { when: when(h.at), from: label[h.from], to: label[h.to], who: h.actorName })}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </td>
        <td>
          {row.conclusies.length === 0 ? (
            <span className="bp-muted">{t('regelruimte.noConclusie')}</span>
          ) : (
            <ul className="bp-register__list">
              {row.conclusies.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          )}
          {row.factoren.length > 0 && <div className="bp-register__sub">{t('regelruimte.factoren', { list: row.factoren.join('; ') })}</div>}
          {hasChain && (
            <button type="button" className="bp-register__chain-toggle" aria-expanded={showChain} aria-controls={chainId} onClick={() => setShowChain(!showChain)}>
              {t(showChain ? 'regelruimte.chain.hide' : 'regelruimte.chain.show')}
            </button>
          )}
        </td>
        <td>
          {ownsSession ? <Link to={`/s/${row.sessionId}`}>{row.sessionTitle}</Link> : <span>{row.sessionTitle}</span>}
          <div className="bp-register__sub">{row.sessionDate ? formatDate(row.sessionDate, language) : t('regelruimte.noDate')}</div>
        </td>
      </tr>
      {hasChain && showChain && (
        <tr id={chainId} className="bp-register__chain-row" data-chain-for={row.stickyId}>
          <td colSpan={7}>
            {/* A wide chain scrolls sideways: focusable, so the keyboard scrolls it too. */}
            <div className="bp-register__chain-scroll" tabIndex={0} role="group" aria-label={t('regelruimte.chain.show')}>
              <EvidenceChain row={row} />
            </div>
          </td>
        </tr>
      )}
    </>
  )
}
