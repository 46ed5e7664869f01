/**
 * The verslag as JSON: the model itself, validated against the shared schema
 * before it leaves the server (SPEC V12), pretty-printed with a final newline.
 */
import { verslagSchema, type Verslag } from '../../../shared/verslag/schema'
import { safeDeep } from '../../../shared/safeText'

export function renderJson(unsafe: Verslag): string {
  // L10: no character the format cannot hold (shared/safeText.ts).
  const v = safeDeep(unsafe)
  return `${JSON.stringify(verslagSchema.parse(v), null, 2)}\n`
}
