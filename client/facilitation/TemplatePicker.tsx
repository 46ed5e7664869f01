import { useEffect, useState } from 'react'
import type { TemplatesResponse } from '../../shared/templates'
import { useLanguage } from '../i18n/useLanguage'
import { fetchTemplates } from './facilitationApi'

type Template = TemplatesResponse['templates'][number]

/** The session templates (F16), loaded once. */
export function useTemplates(): Template[] {
  const [templates, setTemplates] = useState<Template[]>([])
  useEffect(() => {
    let active = true
    void fetchTemplates()
      .then((r) => active && setTemplates(r.templates))
      .catch(() => undefined)
    return () => {
      active = false
    }
  }, [])
  return templates
}

/** A select of the templates; '' = none. */
export function TemplateSelect({ value, onChange, name, emptyLabel }: { value: string; onChange(value: string): void; name: string; emptyLabel: string }) {
  const [language] = useLanguage()
  const templates = useTemplates()
  const chosen = templates.find((t) => t.id === value)
  return (
    <>
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.label[language]}
          </option>
        ))}
      </select>
      {chosen && <small className="bp-muted">{chosen.description[language]}</small>}
    </>
  )
}
