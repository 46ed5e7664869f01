/**
 * The verslag as JSON: the model itself, validated against the shared schema
 * before it leaves the server (SPEC V12), pretty-printed with a final newline.
 */
import { verslagSchema, type Verslag } from '../../../shared/verslag/schema'

export function renderJson(v: Verslag): string {
  return `${JSON.stringify(verslagSchema.parse(v), null, 2)}\n`
}
