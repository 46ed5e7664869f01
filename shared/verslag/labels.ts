/**
 * The fixed wording of the verslag, Dutch (the default, as in the real
 * verslagen) and English. Shared so that the client's preview uses the same
 * words as the server's export.
 */
import type { Language } from '../dates'
import type { RegelruimteStatus } from '../sticky'

export interface VerslagLabels {
  verslag: string
  themagroep: string
  type: string
  datum: string
  plaats: string
  deelnemers: string
  afgemeld: string
  agenda: string
  opbrengst: string
  conclusie: string
  conclusies: string
  regelruimte: string
  afspraken: string
  overige: string
  unnamedSheet: string
  restsOn: string
  asksFor: string
  followsFrom: string
  factorsBehind: string
  votes: (n: number) => string
  /** The ranked votes (SPEC V26): heading and votes column. */
  stemmen: string
  sticky: string
  tag: string
  vel: string
  nummer: string
  verzoek: string
  gevraagdeRuimte: string
  regeling: string
  adressaat: string
  indiener: string
  status: string
  afspraak: string
  wie: string
  wanneer: string
  waar: string
  geplaatstOp: string
  laatstGewijzigdOp: string
  versie: (n: number) => string
  vastgesteldOp: string
  boardPicture: string
  /** Tooltip of an image placeholder line in the preview (SPEC V21). */
  imagePlaceholder: string
  /** Page numbers in the .docx and .pdf footer: "Pagina 2 van 5". */
  page: string
  pageOf: string
  statusLabel: Readonly<Record<RegelruimteStatus, string>>
}

export const VERSLAG_LABELS: Readonly<Record<Language, VerslagLabels>> = {
  nl: {
    verslag: 'Verslag',
    themagroep: 'Themagroep',
    type: 'Soort bijeenkomst',
    datum: 'Datum',
    plaats: 'Plaats',
    deelnemers: 'Deelnemers',
    afgemeld: 'Afgemeld',
    agenda: 'Agenda',
    opbrengst: 'Opbrengst',
    conclusie: 'Conclusie',
    conclusies: 'Conclusies',
    regelruimte: 'Regelruimte',
    afspraken: 'Afspraken',
    overige: 'Overige',
    unnamedSheet: 'Blad zonder naam',
    restsOn: 'Rust op',
    asksFor: 'Vraagt om',
    followsFrom: 'Volgt uit',
    factorsBehind: 'Factoren',
    votes: (n) => (n === 1 ? '1 stem' : `${n} stemmen`),
    stemmen: 'Stemmen',
    sticky: 'Sticky',
    tag: 'Tag',
    vel: 'Vel',
    nummer: 'Nr.',
    verzoek: 'Verzoek',
    gevraagdeRuimte: 'Gevraagde ruimte',
    regeling: 'Regeling',
    adressaat: 'Adressaat',
    indiener: 'Indiener',
    status: 'Status',
    afspraak: 'Afspraak',
    wie: 'Wie',
    wanneer: 'Wanneer',
    waar: 'Waar',
    geplaatstOp: 'Geplaatst op',
    laatstGewijzigdOp: 'Laatst gewijzigd op',
    versie: (n) => `Versie ${n}`,
    vastgesteldOp: 'vastgesteld op',
    boardPicture: 'Foto van het bord',
    page: 'Pagina',
    pageOf: 'van',
    imagePlaceholder: 'Plek van een afbeelding in de bron: staat op het bord, niet in de export',
    statusLabel: {
      concept: 'concept',
      ingediend: 'ingediend',
      'in behandeling': 'in behandeling',
      toegekend: 'toegekend',
      afgewezen: 'afgewezen',
      ingetrokken: 'ingetrokken',
    },
  },
  en: {
    verslag: 'Report',
    themagroep: 'Theme group',
    type: 'Kind of meeting',
    datum: 'Date',
    plaats: 'Place',
    deelnemers: 'Participants',
    afgemeld: 'Apologies',
    agenda: 'Agenda',
    opbrengst: 'Outcome',
    conclusie: 'Conclusion',
    conclusies: 'Conclusions',
    regelruimte: 'Regulatory room',
    afspraken: 'Agreements',
    overige: 'Other',
    unnamedSheet: 'Untitled sheet',
    restsOn: 'Rests on',
    asksFor: 'Asks for',
    followsFrom: 'Follows from',
    factorsBehind: 'Factors',
    votes: (n) => (n === 1 ? '1 vote' : `${n} votes`),
    stemmen: 'Votes',
    sticky: 'Sticky',
    tag: 'Tag',
    vel: 'Sheet',
    nummer: 'No.',
    verzoek: 'Request',
    gevraagdeRuimte: 'Room requested',
    regeling: 'Rule',
    adressaat: 'Addressee',
    indiener: 'Submitted by',
    status: 'Status',
    afspraak: 'Agreement',
    wie: 'Who',
    wanneer: 'When',
    waar: 'Where',
    geplaatstOp: 'Published on',
    laatstGewijzigdOp: 'Last modified on',
    versie: (n) => `Version ${n}`,
    vastgesteldOp: 'adopted on',
    boardPicture: 'Picture of the board',
    page: 'Page',
    pageOf: 'of',
    imagePlaceholder: 'Where the source had a picture: kept on the board, left out of the export',
    statusLabel: {
      concept: 'draft',
      ingediend: 'submitted',
      'in behandeling': 'under review',
      toegekend: 'granted',
      afgewezen: 'refused',
      ingetrokken: 'withdrawn',
    },
  },
}
