/**
 * Column widths that fit their content (SPEC V24), shared by the .docx and
 * .pdf tables so both look alike: every column first gets room for its
 * longest word (header included), so no word is broken inside a short
 * column ("VWS", "ingediend"); the rest of the width goes to the columns by
 * how much text they hold (the longest line, capped so that one long cell
 * does not take everything, grown by the column's average amount of text).
 */
const CAP = 120

const longestWord = (text: string) => text.split(/\s+/).reduce((m, w) => Math.max(m, w.length), 0)
const longestLine = (text: string) => text.split('\n').reduce((m, l) => Math.max(m, l.length), 0)

/** Widths in the unit of `total` (twips, points) adding up to `total`; `charWidth` is one average character in that unit, `padding` a cell's margins. */
export function columnWidths(head: string[], rows: string[][], total: number, charWidth: number, padding: number): number[] {
  const cells = (i: number) => rows.map((r) => r[i] ?? '')
  // A header is bold: its letters are about an eighth wider.
  const floor = head.map((h, i) => Math.min(total * 0.3, Math.max(longestWord(h) * 1.125, ...cells(i).map(longestWord)) * charWidth + padding))
  const scale = Math.min(1, total / floor.reduce((a, b) => a + b, 0))
  const base = floor.map((f) => f * scale)
  const rest = total - base.reduce((a, b) => a + b, 0)
  // The column's longest line (capped), grown by how much more text it holds in all: a verzoek with the conclusies it follows from needs the room.
  const weights = head.map((_, i) => {
    const longest = Math.min(CAP, Math.max(0, ...cells(i).map(longestLine)))
    const amount = cells(i).reduce((sum, text) => sum + text.length, 0) / Math.max(1, rows.length)
    return Math.max(1, longest, Math.sqrt(amount * longest))
  })
  const sum = weights.reduce((a, b) => a + b, 0)
  const widths = base.map((b, i) => Math.floor(b + (rest * weights[i]!) / sum))
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0)
  return widths
}
