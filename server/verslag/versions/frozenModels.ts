/**
 * A vastgestelde versie keeps the built models in both languages, so that a
 * frozen download never changes, whatever happens to the board afterwards.
 */
import { z } from 'zod'
import type { Language } from '../../../shared/dates'
import { verslagSchema, type Verslag } from '../../../shared/verslag/schema'

export const frozenModelsSchema = z.object({ nl: verslagSchema, en: verslagSchema })
export type FrozenModels = z.infer<typeof frozenModelsSchema>

export function frozenModel(models: string, language: Language): Verslag {
  return frozenModelsSchema.parse(JSON.parse(models))[language]
}

/** The model without what is written after the vaststelling itself: compares content only. */
export function comparableModel(v: Verslag): string {
  const { laatstGewijzigdOp: _ignored, ...rest } = v
  return JSON.stringify(rest)
}
