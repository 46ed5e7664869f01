import { useContext } from 'react'
import { I18nContext, type I18nValue } from './I18nProvider'

/** The translate function of the current language. */
export function useT(): I18nValue['t'] {
  return useContext(I18nContext).t
}
