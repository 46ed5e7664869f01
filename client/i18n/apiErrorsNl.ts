/**
 * Dutch text for the server's error codes (`{ error }` of an API answer),
 * shown instead of the server's bilingual message (spread into nl.ts).
 */
export const apiErrorsNl = {
  'apiError.invalid_credentials': 'E-mailadres of wachtwoord klopt niet.',
  'apiError.rate_limited': 'Te veel pogingen. Probeer het over een kwartier opnieuw.',
  'apiError.unauthorized': 'Je bent niet (meer) ingelogd. Log opnieuw in of open je uitnodigingslink opnieuw.',
  'apiError.csrf': 'Je sessie is verlopen. Laad de pagina opnieuw en probeer het nog eens.',
  'apiError.invite_invalid': 'Deze uitnodigingslink is ongeldig, verlopen of ingetrokken. Vraag de themacoördinator om een nieuwe link.',
  'apiError.invite_not_found': 'Deze uitnodiging bestaat niet (meer).',
  'apiError.setup_closed': 'Deze installatielink is ongeldig of al gebruikt. Log in met het account dat al is aangemaakt.',
  'apiError.session_not_found': 'Deze sessie bestaat niet (meer).',
  'apiError.unreadable_docx': 'Dit Word-bestand is onleesbaar. Sla het opnieuw op als .docx of plak de tekst.',
  'apiError.unreadable_body': 'Dit bestand is geen tekst. Kies een .txt- of .docx-bestand, of plak de tekst.',
  'apiError.empty_body': 'Er staat geen tekst in dit verslag.',
  'apiError.body_too_large': 'Het bestand is te groot.',
  'apiError.picture_not_found': 'Er is nog geen foto van het bord.',
  'apiError.version_conflict': 'Iemand anders stelde het verslag net vast. Probeer het opnieuw.',
  'apiError.not_ready': 'De server start opnieuw op. Probeer het zo nog eens.',
  'apiError.version_not_found': 'Deze versie van het bord bestaat niet (meer). Laad de lijst opnieuw.',
  'apiError.invalid_version': 'Dit versienummer klopt niet.',
  'apiError.storage_unavailable': 'De opslag werkt even niet. Probeer het zo opnieuw.',
  'apiError.weak_password': 'Dit wachtwoord is te makkelijk te raden: het is veelgebruikt, voorspelbaar of lijkt op je naam of e-mailadres. Kies een langer wachtwoord, bijvoorbeeld een zin van vier of meer woorden.',
  'apiError.internal_error': 'Er ging iets mis op de server. Probeer het opnieuw.',
} as const
