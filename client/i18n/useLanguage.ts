import { useContext } from 'react'
import { I18nContext } from './I18nProvider'
import type { Language } from './dictionaries'

export function useLanguage(): [Language, (language: Language) => void] {
  const { language, setLanguage } = useContext(I18nContext)
  return [language, setLanguage]
}
