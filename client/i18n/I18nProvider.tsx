import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { DEFAULT_LANGUAGE, isDictionaryLoaded, isLanguage, loadDictionary, type Language } from './dictionaries'
import type { MessageKey } from './nl'
import { translate, type MessageParams } from './translate'

const STORAGE_KEY = 'brownpaper.language'

export interface I18nValue {
  language: Language
  setLanguage(language: Language): void
  t(key: MessageKey, params?: MessageParams): string
}

export const I18nContext = createContext<I18nValue>({
  language: DEFAULT_LANGUAGE,
  setLanguage: () => {},
  t: (key, params) => translate(DEFAULT_LANGUAGE, key, params),
})

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isLanguage(value) ? value : DEFAULT_LANGUAGE
  } catch {
    return DEFAULT_LANGUAGE
  }
}

/**
 * Holds the UI language, remembered in localStorage; Dutch by default. A
 * language whose dictionary is not loaded yet (English, SPEC M1) is shown once
 * it is: the page keeps the language it shows until then, and on a first load
 * in English shows nothing for that moment rather than Dutch. Should English
 * fail to load (offline), the page stays Dutch.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState<Language>(storedLanguage)
  const [language, setShown] = useState<Language | null>(() => (isDictionaryLoaded(wanted) ? wanted : null))
  useEffect(() => {
    let live = true
    loadDictionary(wanted).then(
      () => live && setShown(wanted),
      () => live && setShown((shown) => shown ?? DEFAULT_LANGUAGE),
    )
    return () => {
      live = false
    }
  }, [wanted])
  const setLanguage = useCallback((next: Language) => {
    setWanted(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, [])
  const value = useMemo<I18nValue | null>(
    () => (language === null ? null : { language, setLanguage, t: (key, params) => translate(language, key, params) }),
    [language, setLanguage],
  )
  useEffect(() => {
    if (language) document.documentElement.lang = language
  }, [language])
  if (value === null) return null
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}
