/**
 * Decides whether a one-line paragraph of an imported verslag is a heading
 * (SPEC I3). Shared by the text and .docx parsers, since Word users often
 * type headings as plain paragraphs.
 */
import { IMAGE_PLACEHOLDER } from '../../../shared/verslag/wording'

/** Headings the import knows by their first word(s); they may end in a colon. */
/** The words that open a heading of afspraken, Dutch and English (SPEC I28). */
const AFSPRAKEN_WORDS = '(vervolg)?afspraken|actiepunten|acties|action (points|items)|actions|agreed actions|follow-up actions'
export const AFSPRAKEN_HEADING = new RegExp(`^(${AFSPRAKEN_WORDS})\\b`, 'i')

export const KNOWN_HEADING = new RegExp(
  `^(opbrengst|conclusies?|bevorderende?|belemmerende?|${AFSPRAKEN_WORDS}|regelruimte|deelnemers|aanwezig|afgemeld|afwezig|agenda|overige?)\\b`,
  'i',
)

/**
 * "Key: value" lines that carry session details; each is its own paragraph.
 * A few words may qualify the key ("Afwezig met bericht: ActiZ").
 */
export const FIELD_LINE =
  /^(geplaatst op|gepubliceerd op|laatst gewijzigd op|themagroep|soort bijeenkomst|datum|plaats|locatie|deelnemers|aanwezig|afgemeld|afwezig|date|location|venue|present|attendees|apologies|absent)(\s+\p{L}+){0,3}\s*:\s*\S/iu

/** An image placeholder such as "huisarts in the lead 1000x667": prose, not a heading (SPEC V21). */
export { IMAGE_PLACEHOLDER }

export function isHeadingLine(line: string): boolean {
  const text = line.trim()
  if (text === '' || text.length > 120) return false
  if (FIELD_LINE.test(text) || IMAGE_PLACEHOLDER.test(text)) return false
  // A known heading word counts only with a capital: "afspraken gemaakt met …" is a sentence (SPEC I3).
  if (KNOWN_HEADING.test(text) && /^\p{Lu}/u.test(text) && !/[.;,]$/.test(text) && text.split(/\s+/).length <= 14) return true
  if (text.length > 80 || /[.:;,]$/.test(text)) return false
  if (text.split(/\s+/).length > 12) return false
  return /^[\p{Lu}\p{N}]/u.test(text)
}
