import { useState } from 'react'
import { SESSION_TYPES, sessionTypeSchema, type SessionType } from '../../shared/session'
import { sessionTypeLabel } from '../i18n/domainLabels'
import { ErrorMessage } from '../api/ErrorMessage'
import { useSubmit } from '../api/useSubmit'
import { createSession } from '../api/sessionsApi'
import { useT } from '../i18n/useT'
import { navigate } from '../router/navigate'
import { TemplateSelect } from '../facilitation/TemplatePicker'

/** Creates a session (POST /api/sessions) and opens its board. */
export function CreateSessionForm({ themagroepen }: { themagroepen: readonly string[] }) {
  const t = useT()
  const [title, setTitle] = useState('')
  const [themagroep, setThemagroep] = useState('')
  const [type, setType] = useState<SessionType>('brownpapersessie')
  const [date, setDate] = useState('')
  const [place, setPlace] = useState('')
  const [template, setTemplate] = useState('')

  const { busy, error, onSubmit } = useSubmit(async () => {
    const { id } = await createSession({
      title,
      themagroep,
      type,
      ...(date ? { date } : {}),
      ...(place.trim() ? { place } : {}),
      ...(template ? { template } : {}),
    })
    navigate(`/s/${encodeURIComponent(id)}`)
  })

  return (
    <form className="bp-card bp-form" onSubmit={onSubmit} aria-labelledby="create-title">
      <h2 id="create-title">{t('create.title')}</h2>
      <label>
        <span>{t('create.field.title')}</span>
        <input name="title" required maxLength={300} value={title} placeholder={t('create.field.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        <span>{t('create.field.themagroep')}</span>
        <input
          name="themagroep"
          required
          maxLength={300}
          list="bp-themagroepen"
          value={themagroep}
          placeholder={t('create.field.themagroepPlaceholder')}
          onChange={(e) => setThemagroep(e.target.value)}
        />
        <datalist id="bp-themagroepen">
          {themagroepen.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      <div className="bp-form__row">
        <label>
          <span>{t('create.field.type')}</span>
          <select
            name="type"
            value={type}
            onChange={(e) => {
              const parsed = sessionTypeSchema.safeParse(e.target.value)
              if (parsed.success) setType(parsed.data)
            }}
          >
            {SESSION_TYPES.map((value) => (
              <option key={value} value={value}>
                {sessionTypeLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('create.field.date')}</span>
          <input name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
      </div>
      <label>
        <span>{t('create.field.place')}</span>
        <input name="place" maxLength={300} value={place} placeholder={t('create.field.placePlaceholder')} onChange={(e) => setPlace(e.target.value)} />
      </label>
      <label>
        <span>{t('create.field.template')}</span>
        <TemplateSelect name="template" value={template} onChange={setTemplate} emptyLabel={t('create.field.templateNone')} />
      </label>
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="bp-primary" disabled={busy}>
        {busy ? t('create.submitting') : t('create.submit')}
      </button>
    </form>
  )
}
