import { useState, type FormEvent } from 'react'
import { useT } from '../i18n/useT'
import type { Participant } from './participant'

/** Asks name and organisation; shown on the first visit to a board. */
export function ParticipantDialog({
  initial,
  onSave,
  onCancel,
}: {
  initial: Participant | null
  onSave(fields: { name: string; organisation: string }): void
  onCancel?: () => void
}) {
  const t = useT()
  const [name, setName] = useState(initial?.name ?? '')
  const [organisation, setOrganisation] = useState(initial?.organisation ?? '')
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (name.trim()) onSave({ name, organisation })
  }
  return (
    <div className="bp-modal" role="dialog" aria-modal="true" aria-labelledby="identity-title">
      <form className="bp-card bp-form bp-modal__card" onSubmit={onSubmit}>
        <h2 id="identity-title">{t('identity.title')}</h2>
        <p className="bp-muted">{t('identity.body')}</p>
        <label>
          <span>{t('identity.name')}</span>
          <input name="name" required autoFocus maxLength={200} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          <span>{t('identity.organisation')}</span>
          <input name="organisation" maxLength={200} autoComplete="organization" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
        </label>
        <div className="bp-form__actions">
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('help.close')}
            </button>
          )}
          <button type="submit" className="bp-primary">
            {t('identity.submit')}
          </button>
        </div>
      </form>
    </div>
  )
}
