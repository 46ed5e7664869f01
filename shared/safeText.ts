/**
 * Text made safe for every format (SPEC L10): characters that XML 1.0 (and so
 * Word's .docx), CSV readers or calendars cannot hold are removed or
 * replaced, in this one place, by every renderer of the verslag (md, html,
 * docx, json, ics) and of the register (csv, json). Sticky text comes from
 * any client of the board; one U+FFFE made a .docx that Word and LibreOffice
 * refuse to open.
 *
 * - C0 control characters but tab, line feed and carriage return: removed;
 * - U+FFFE and U+FFFF (not characters), and a lone surrogate (half of a
 *   character): replaced by U+FFFD, the replacement character;
 * - a text of nothing but such characters (and spaces) becomes U+FFFD, so
 *   a field that must not be empty (a deelnemer's organisation) stays filled.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g
const NOT_A_CHARACTER = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// eslint-disable-next-line no-control-regex
const ANY_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/

/** The text without the characters no format can hold. Returns the same string when there are none (the usual case). */
export function safeText(text: string): string {
  if (!ANY_UNSAFE.test(text)) return text
  const safe = text.replace(CONTROL, '').replace(NOT_A_CHARACTER, '\uFFFD')
  // A text that held nothing but unsafe characters (and spaces) stays visibly there: a required field never turns empty.
  return safe.trim() === '' ? '\uFFFD' : safe
}

/**
 * A copy of a JSON-like value (a verslag model, a register row) with every
 * string — keys too — made safe. Iterative, so no nesting overflows the stack.
 */
export function safeDeep<T>(value: T): T {
  const root: { v: unknown } = { v: value }
  const stack: [Record<string, unknown> | unknown[], string | number, unknown][] = [[root as Record<string, unknown>, 'v', value]]
  while (stack.length > 0) {
    const [parent, key, v] = stack.pop()!
    let out: unknown = v
    if (typeof v === 'string') out = safeText(v)
    else if (Array.isArray(v)) {
      const copy: unknown[] = new Array(v.length)
      v.forEach((item, i) => stack.push([copy, i, item]))
      out = copy
    } else if (typeof v === 'object' && v !== null) {
      const copy: Record<string, unknown> = {}
      for (const [k, item] of Object.entries(v)) stack.push([copy, safeText(k), item])
      out = copy
    }
    ;(parent as Record<string | number, unknown>)[key] = out
  }
  return root.v as T
}
