/**
 * The audit log in words (SPEC G10): one sentence per entry, Dutch or
 * English, for the audit page and its CSV ("Anna exporteerde het verslag
 * als Word"). Unknown actions fall back to the action name.
 */
import type { AuditEntry } from './access'

type Lang = 'nl' | 'en'

const FORMATS: Readonly<Record<string, { nl: string; en: string }>> = {
  docx: { nl: 'Word', en: 'Word' },
  md: { nl: 'Markdown', en: 'Markdown' },
  html: { nl: 'webpagina', en: 'web page' },
  json: { nl: 'JSON', en: 'JSON' },
  pdf: { nl: 'PDF', en: 'PDF' },
  ics: { nl: 'agenda (ics)', en: 'calendar (ics)' },
}

type Phrase = (who: string, format: string | null, detail: string) => string

const WORDS: Readonly<Record<string, { nl: Phrase; en: Phrase }>> = {
  'verslag.export': {
    nl: (w, f) => (f === 'ics' ? `${w} downloadde de afspraken als agenda (ics)` : `${w} exporteerde het verslag als ${f ?? 'bestand'}`),
    en: (w, f) => (f === 'calendar (ics)' ? `${w} downloaded the afspraken as a calendar (ics)` : `${w} exported the verslag as ${f ?? 'a file'}`),
  },
  'verslag.vaststellen': { nl: (w) => `${w} stelde het verslag vast`, en: (w) => `${w} adopted the verslag (vaststelling)` },
  'regelruimte.status': { nl: (w) => `${w} wijzigde de status van een regelruimteverzoek`, en: (w) => `${w} changed the status of a regelruimte request` },
  'session.update': { nl: (w) => `${w} wijzigde de sessiegegevens`, en: (w) => `${w} changed the session details` },
  'session.create': { nl: (w) => `${w} maakte een sessie aan`, en: (w) => `${w} created a session` },
  'session.import': { nl: (w) => `${w} importeerde een verslag als sessie`, en: (w) => `${w} imported a verslag as a session` },
  'session.delete': { nl: (w) => `${w} verwijderde een sessie`, en: (w) => `${w} deleted a session` },
  'invite.create': { nl: (w) => `${w} maakte een uitnodiging`, en: (w) => `${w} created an invite` },
  'invite.revoke': { nl: (w) => `${w} trok een uitnodiging in`, en: (w) => `${w} revoked an invite` },
  'invite.role': { nl: (w) => `${w} gaf een uitnodiging een andere rol`, en: (w) => `${w} changed the role of an invite` },
  join: { nl: (w) => `${w} kwam binnen via een uitnodiging`, en: (w) => `${w} joined through an invite` },
  login: { nl: (w) => `${w} logde in`, en: (w) => `${w} signed in` },
  'login.failed': { nl: (w) => `Mislukte inlogpoging voor ${w}`, en: (w) => `Failed sign-in attempt for ${w}` },
  logout: { nl: (w) => `${w} logde uit`, en: (w) => `${w} signed out` },
  setup: { nl: (w) => `${w} maakte het eerste account aan`, en: (w) => `${w} created the first account` },
  'board.refused': { nl: (w) => `Een wijziging van ${w} op het bord werd geweigerd`, en: (w) => `A change by ${w} to the board was refused` },
  'history.restore': { nl: (w) => `${w} zette een eerdere versie van het bord terug`, en: (w) => `${w} restored an earlier version of the board` },
  'actielijst.status': { nl: (w) => `${w} wijzigde de status van een afspraak`, en: (w) => `${w} changed the status of an afspraak` },
  'actielijst.carry': { nl: (w) => `${w} nam een afspraak mee naar een volgende sessie`, en: (w) => `${w} carried an afspraak over to a later session` },
  'conclusie.overnemen': { nl: (w) => `${w} nam een conclusie mee uit een eerdere sessie`, en: (w) => `${w} took over a conclusie from an earlier session` },
  'actielijst.feed': { nl: (w) => `${w} vernieuwde de agendalink van de actielijst`, en: (w) => `${w} renewed the actielijst's calendar link` },
  'privacy.search': { nl: (w) => `${w} zocht naar persoonsgegevens`, en: (w) => `${w} searched for personal data` },
  'privacy.export': { nl: (w) => `${w} exporteerde persoonsgegevens`, en: (w) => `${w} exported personal data` },
  'privacy.erase': {
    nl: (w, _f, d) => `${w} wiste een persoon (nu ${d || 'een pseudoniem'})`,
    en: (w, _f, d) => `${w} erased a person (now ${d || 'a pseudonym'})`,
  },
}

/** The format of an export, from the path in its detail ("GET /api/sessions/x/verslag.docx" → Word). */
function formatOf(detail: string, lang: Lang): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(detail.trim())?.[1]?.toLowerCase()
  if (!ext) return null
  return FORMATS[ext]?.[lang] ?? ext.toUpperCase()
}

/** "Anna exporteerde het verslag als Word". */
export function describeAudit(entry: Pick<AuditEntry, 'action' | 'actorName' | 'detail'>, lang: Lang): string {
  // An account's name is stored as "Anna <anna@…>": the sentence names the person.
  const who = entry.actorName.replace(/\s*<[^<>]*>$/, '') || (lang === 'nl' ? 'Iemand' : 'Someone')
  const words = WORDS[entry.action]
  if (!words) return `${who}: ${entry.action}`
  return words[lang](who, formatOf(entry.detail, lang), entry.detail)
}

/** The actions the audit page offers as a filter, with their label. */
export const AUDIT_ACTIONS: readonly string[] = Object.keys(WORDS)
