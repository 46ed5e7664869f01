import { REGELRUIMTE_STATUSES, type DomainSticky } from '../../shared/sticky'
import { VERSLAG_LABELS } from '../../shared/verslag/labels'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import type { StickyField } from '../../shared/stickyEdits'

export const REGELING_SUGGESTIONS = ['Subsidieregeling extramurale behandeling', 'Wlz', 'Zvw', 'NZa-beleidsregel', 'Experimenteer-AMvB'] as const
export const ADRESSAAT_SUGGESTIONS = ['VWS', 'NZa', 'Zorginstituut', 'Zorgkantoor', 'Zorgverzekeraar', 'CIZ'] as const

/**
 * The fields of an afspraak or a regelruimte request, written live into the
 * note's meta through `onField` (the editor on the board, the doc in the list view).
 */
export function StickyFields({
  sticky,
  readOnly,
  setsStatus,
  onField,
}: {
  sticky: DomainSticky
  readOnly: boolean
  setsStatus: boolean
  onField(field: StickyField, value: string): void
}) {
  const t = useT()
  const [language] = useLanguage()
  const meta = sticky.meta
  const set = (field: StickyField) => (value: string) => onField(field, value)
  if (sticky.tag === 'afspraak') {
    return (
      <fieldset className="bp-fields" disabled={readOnly}>
        <legend>{t('panel.fields.afspraak')}</legend>
        <label>
          {t('panel.fields.wie')}
          <input name="wie" value={meta.wie ?? ''} onChange={(e) => set('wie')(e.target.value)} placeholder={t('panel.fields.wiePlaceholder')} />
        </label>
        <label>
          {t('panel.fields.wanneer')}
          <input name="wanneer" type="date" value={meta.wanneer ?? ''} onChange={(e) => set('wanneer')(e.target.value)} />
        </label>
        <div className="bp-fields__row">
          <label>
            {t('panel.fields.tijdVan')}
            <input name="tijdVan" type="time" value={meta.tijdVan ?? ''} onChange={(e) => set('tijdVan')(e.target.value)} />
          </label>
          <label>
            {t('panel.fields.tijdTot')}
            <input name="tijdTot" type="time" value={meta.tijdTot ?? ''} onChange={(e) => set('tijdTot')(e.target.value)} />
          </label>
        </div>
        <label>
          {t('panel.fields.waar')}
          <input name="waar" value={meta.waar ?? ''} onChange={(e) => set('waar')(e.target.value)} placeholder={t('panel.fields.waarPlaceholder')} />
        </label>
      </fieldset>
    )
  }
  if (sticky.tag === 'regelruimte') {
    return (
      <fieldset className="bp-fields" disabled={readOnly}>
        <legend>{t('panel.fields.regelruimte')}</legend>
        <label>
          {t('panel.fields.regeling')}
          <input name="regeling" list="bp-regeling-suggestions" value={meta.regeling ?? ''} onChange={(e) => set('regeling')(e.target.value)} />
          <datalist id="bp-regeling-suggestions">
            {REGELING_SUGGESTIONS.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
        <label>
          {t('panel.fields.gevraagdeRuimte')}
          <textarea name="gevraagdeRuimte" rows={3} value={meta.gevraagdeRuimte ?? ''} onChange={(e) => set('gevraagdeRuimte')(e.target.value)} />
        </label>
        <label>
          {t('panel.fields.adressaat')}
          <input name="adressaat" list="bp-adressaat-suggestions" value={meta.adressaat ?? ''} onChange={(e) => set('adressaat')(e.target.value)} />
          <datalist id="bp-adressaat-suggestions">
            {ADRESSAAT_SUGGESTIONS.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
        <label>
          {t('panel.fields.indiener')}
          <input name="indiener" value={meta.indiener ?? ''} onChange={(e) => set('indiener')(e.target.value)} />
        </label>
        {setsStatus ? (
          <label>
            {t('panel.fields.status')}
            <select name="status" value={meta.status ?? 'concept'} onChange={(e) => set('status')(e.target.value)}>
              {REGELRUIMTE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {VERSLAG_LABELS[language].statusLabel[s]}
                </option>
              ))}
            </select>
          </label>
        ) : (
          // W7: the status is the organisers' to set; others see it.
          <p className="bp-fields__status" data-status={meta.status ?? 'concept'}>
            {t('panel.fields.status')}: {VERSLAG_LABELS[language].statusLabel[meta.status ?? 'concept']}
          </p>
        )}
      </fieldset>
    )
  }
  return null
}
