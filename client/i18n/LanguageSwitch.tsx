import { LANGUAGES } from './dictionaries'
import { useLanguage } from './useLanguage'
import { useT } from './useT'

export function LanguageSwitch() {
  const [language, setLanguage] = useLanguage()
  const t = useT()
  return (
    <div className="bp-language" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          className={lang === language ? 'is-active' : undefined}
          aria-pressed={lang === language}
          onClick={() => setLanguage(lang)}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  )
}
