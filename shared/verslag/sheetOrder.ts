/**
 * The order of sheets in the verslag (SPEC V19): the board's reading order,
 * unless the session map's `sheetOrder` names sheets first. Shared by the
 * server's verslag and the session details panel that edits the order.
 */
export const SHEET_ORDER_KEY = 'sheetOrder'

/** The sheets in the verslag's order: the ids `explicit` names first, in its order; the others after them in the given (reading) order. */
export function orderSheets<T extends { id: string }>(sheets: readonly T[], explicit: unknown): T[] {
  if (!Array.isArray(explicit)) return [...sheets]
  const rank = new Map<string, number>()
  explicit.forEach((id, i) => {
    if (typeof id === 'string' && !rank.has(id)) rank.set(id, i)
  })
  return sheets
    .map((sheet, i) => ({ sheet, i }))
    .sort((a, b) => (rank.get(a.sheet.id) ?? rank.size + a.i) - (rank.get(b.sheet.id) ?? rank.size + b.i))
    .map((x) => x.sheet)
}

/** The order after moving sheet `id` one place up (-1) or down (+1); unchanged at either end or for an unknown id. */
export function moveSheet(ordered: readonly string[], id: string, delta: -1 | 1): string[] {
  const from = ordered.indexOf(id)
  const to = from + delta
  if (from < 0 || to < 0 || to >= ordered.length) return [...ordered]
  const next = [...ordered]
  next.splice(from, 1)
  next.splice(to, 0, id)
  return next
}
