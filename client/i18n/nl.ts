/**
 * Dutch UI text, the default language. Keys are flat and dotted; `{name}`
 * marks a placeholder filled in by `t(key, { name })`. Domain words
 * (sessie, themagroep, verslag, bevorderend, …) stay Dutch in every language.
 */
import { privacyNl } from './privacyNl'
import { facilitationNl } from './facilitationNl'
import { actielijstNl } from './actielijstNl'
import { apiErrorsNl } from './apiErrorsNl'
import { accountsNl } from './accountsNl'
import { historyNl } from './historyNl'
import { regelruimteNl } from './regelruimteNl'
import { phoneNl } from './phoneNl'
import { verslagNl } from './verslagNl'

export const nl = {
  'app.name': 'Brownpaper',
  'app.language': 'Taal',
  'app.loading': 'Laden…',
  'app.notFound': 'Deze pagina bestaat niet.',
  'app.toStart': 'Naar de startpagina',

  'start.title': 'Sessies',
  'start.intro': 'Brownpapersessies en andere bijeenkomsten per themagroep. Open een sessie om samen stickies te plakken.',
  'start.loading': 'Sessies laden…',
  'start.empty.title': 'Nog geen sessies',
  'start.empty.body':
    'Maak je eerste sessie aan met het formulier Nieuwe sessie: geef een titel en de themagroep op. Brownpaper zet de vellen van het sessietype klaar; daarna deel je de link met de deelnemers en plakt iedereen stickies op hetzelfde bord.',
  'start.count': '{count} sessies',
  'start.countOne': '1 sessie',
  'start.open': 'Openen',
  'start.noDate': 'geen datum',

  'create.title': 'Nieuwe sessie',
  'create.field.title': 'Titel',
  'create.field.titlePlaceholder': 'Bijv. Brownpapersessie SO buiten het verpleeghuis',
  'create.field.themagroep': 'Themagroep',
  'create.field.themagroepPlaceholder': 'Bijv. Bekostiging SO buiten het verpleeghuis',
  'create.field.type': 'Soort bijeenkomst',
  'create.field.date': 'Datum',
  'create.field.place': 'Plaats',
  'create.field.placePlaceholder': 'Bijv. Norschoten, Barneveld',
  'create.submit': 'Sessie aanmaken',
  'create.submitting': 'Bezig…',

  'error.title': 'Er ging iets mis',
  'error.network': 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
  'error.unexpected': 'De server gaf een onverwacht antwoord. Probeer het opnieuw; lukt het dan nog niet, laat het de themacoördinator weten.',
  'error.retry': 'Opnieuw proberen',

  'identity.title': 'Wie ben je?',
  'identity.body': 'Je naam en organisatie staan bij je stickies en bij je cursor, zodat de anderen zien wie wat schrijft.',
  'identity.name': 'Naam',
  'identity.organisation': 'Organisatie',
  'identity.submit': 'Naar het bord',
  'identity.change': 'Naam wijzigen',

  'login.title': 'Inloggen',
  'login.body': 'Voor themacoördinatoren en het secretariaat. Deelnemers openen de uitnodigingslink die ze hebben gekregen.',
  'login.setupPending': 'Er is nog geen account. Open de installatielink die de server bij het starten toont om de eerste themacoördinator aan te maken.',
  'login.email': 'E-mailadres',
  'login.password': 'Wachtwoord',
  'login.submit': 'Inloggen',
  'login.logout': 'Uitloggen',
  'start.anonymous': 'Log in om de sessies van je themagroepen te zien en nieuwe sessies aan te maken.',

  'setup.title': 'Eerste themacoördinator',
  'setup.body': 'Maak het eerste account aan. Daarna log je hiermee in en maak je sessies en uitnodigingen.',
  'setup.submit': 'Account aanmaken',
  'setup.passwordHint': 'Minstens 10 tekens, en geen veelgebruikt of voorspelbaar wachtwoord. Een zin van vier of meer woorden werkt goed.',

  'join.invited': 'Je bent uitgenodigd als {role} voor',

  'board.loading': 'Bord laden…',
  'board.unknownSession': 'Deze sessie bestaat niet (meer).',
  'board.refused': 'De server weigert de verbinding met dit bord ({reason}).',
  'board.unauthorized': 'Je hebt nog geen toegang tot dit bord. Open de uitnodigingslink die je hebt gekregen, of log in.',
  'board.writeRefused': 'Deze wijziging mag je niet maken; het bord is opnieuw geladen zonder die wijziging.',
  'board.writeRefusedLimit': 'Deze wijziging maakt het bord te groot; het bord is opnieuw geladen zonder die wijziging.',
  'board.tooManyConnections': 'Je hebt dit bord in te veel vensters tegelijk open. Sluit er een paar en laad de pagina opnieuw.',
  'board.forbidden': 'Je hebt geen toegang tot dit bord.',
  'board.back': 'Sessies',
  'board.participants': '{count} aanwezig',

  'status.verbonden': 'verbonden',
  'status.opnieuwVerbinden': 'opnieuw verbinden',
  'status.offline': 'offline',
  'status.offlineHint': 'Je wijzigingen worden bewaard en samengevoegd zodra de verbinding terug is.',

  'tags.current': 'Huidige tag',
  'tags.filter': 'Markeer',
  'tags.filterAll': 'Alles',
  'tags.filterHint': 'Klik op een aantal om alleen die stickies te markeren.',
  'tags.newSticky': 'Nieuwe sticky',
  'retag.one': 'Sticky',
  'retag.many': '{count} stickies',
  'retag.undo': '{chord} maakt het ongedaan',
  'retag.undoButton': 'Ongedaan maken',

  'help.title': 'Sneltoetsen',
  'help.open': 'Sneltoetsen (?)',
  'help.close': 'Sluiten',
  'help.newSticky': 'Nieuwe sticky met de huidige tag, midden in beeld (in het vel eronder)',
  'help.tagKey': 'Kies tag {label} voor de volgende sticky',
  'help.retagKey': 'Geef de geselecteerde stickies een andere tag (bijv. {chord} voor bevorderend)',
  'help.vote': 'Stip geven aan de geselecteerde sticky (tijdens stemmen)',
  'help.unvote': 'Stip terugnemen (tijdens stemmen)',
  'help.undo': 'Ongedaan maken',
  'help.edit': 'Tekst van de geselecteerde sticky bewerken',
  'help.stopEdit': 'Stoppen met typen',
  'help.toggle': 'Deze hulp tonen of verbergen',
  'help.zoomFit': 'Alles in beeld',

  'invite.button': 'Uitnodigen',
  'invite.title': 'Uitnodigen',
  'invite.body': 'Maak per rol een link en deel die, bijvoorbeeld per e-mail. Wie de link opent, geeft naam en organisatie op en komt zonder account op het bord. Een link is 7 dagen geldig.',
  'invite.role.deelnemer': 'Deelnemer',
  'invite.role.waarnemer': 'Waarnemer',
  'invite.role.secretariaat': 'Secretariaat',
  'invite.hint.deelnemer': 'Plakt en bewerkt stickies.',
  'invite.hint.waarnemer': 'Kijkt live mee, maar kan niets wijzigen.',
  'invite.hint.secretariaat': 'Bewerkt ook de sessiegegevens en het verslag.',
  'invite.make': 'Link maken en kopiëren',
  'invite.making': 'Bezig…',
  'invite.linkFor': 'Uitnodigingslink voor {role}',
  'invite.copied': 'Gekopieerd',
  'invite.copyManually': 'Kopieer de link hierboven',
  'invite.active': 'Geldige links ({count})',
  'invite.none': 'Nog geen geldige links.',
  'invite.expires': 'geldig tot {when}',
  'invite.revoke': 'Intrekken',
  'invite.changeRole': 'Rol van iedereen die met deze link binnenkwam',
  'invite.changeRoleHint': 'Geldt meteen, ook op borden die open staan',

  'audit.link': 'Auditlog',
  'audit.title': 'Auditlog',
  'audit.body': 'Wie sessies, uitnodigingen en exports maakte, verslagen vaststelde en wie inlogde, in je themagroepen. Nieuwste eerst.',
  'audit.empty': 'Nog niets vastgelegd.',
  'audit.when': 'Wanneer',
  'audit.who': 'Wie',
  'audit.what': 'Wat',
  'audit.where': 'Themagroep / sessie',
  'audit.detail': 'Details',

  'board.readOnly': 'Alleen lezen',
  'board.readOnlyHint': 'Je kijkt mee als waarnemer: je ziet alles live, maar kunt niets wijzigen.',
  ...verslagNl,
  ...regelruimteNl,
  ...historyNl,
  ...accountsNl,
  ...apiErrorsNl,
  ...phoneNl,
  ...actielijstNl,
  ...facilitationNl,
  ...privacyNl,
} as const

export type MessageKey = keyof typeof nl
