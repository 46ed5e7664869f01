import type { MessageKey } from './nl'

/** English UI text. Domain words stay Dutch (sessie, themagroep, verslag, …). */
export const en: Readonly<Record<MessageKey, string>> = {
  'app.name': 'Brownpaper',
  'app.language': 'Language',
  'app.loading': 'Loading…',
  'app.notFound': 'This page does not exist.',
  'app.toStart': 'To the start page',

  'start.title': 'Sessies',
  'start.intro': 'Brown-paper sessies and other meetings per themagroep. Open a sessie to put up stickies together.',
  'start.loading': 'Loading sessies…',
  'start.empty.title': 'No sessies yet',
  'start.empty.body':
    'Create your first sessie with the New sessie form: give it a title and its themagroep. Brownpaper lays out the sheets of the sessie type; then share the link with the participants and everyone puts stickies on the same board.',
  'start.count': '{count} sessies',
  'start.open': 'Open',
  'start.noDate': 'no date',

  'create.title': 'New sessie',
  'create.field.title': 'Title',
  'create.field.titlePlaceholder': 'E.g. Brownpapersessie SO buiten het verpleeghuis',
  'create.field.themagroep': 'Themagroep',
  'create.field.themagroepPlaceholder': 'E.g. Bekostiging SO buiten het verpleeghuis',
  'create.field.type': 'Kind of meeting',
  'create.field.date': 'Date',
  'create.field.place': 'Place',
  'create.field.placePlaceholder': 'E.g. Norschoten, Barneveld',
  'create.submit': 'Create sessie',
  'create.submitting': 'Working…',

  'error.title': 'Something went wrong',
  'error.network': 'The server cannot be reached. Check your connection and try again.',
  'error.unexpected': 'Unexpected answer from the server (status {status}).',
  'error.retry': 'Try again',

  'identity.title': 'Who are you?',
  'identity.body': 'Your name and organisation appear on your stickies and next to your cursor, so the others see who writes what.',
  'identity.name': 'Name',
  'identity.organisation': 'Organisation',
  'identity.submit': 'To the board',
  'identity.change': 'Change name',

  'login.title': 'Sign in',
  'login.body': 'For themacoördinatoren and the secretariaat. Participants open the invite link they were given.',
  'login.setupPending': 'There is no account yet. Open the setup link the server shows at start-up to create the first themacoördinator.',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.logout': 'Sign out',
  'start.anonymous': 'Sign in to see the sessies of your themagroepen and to create new ones.',

  'setup.title': 'First themacoördinator',
  'setup.body': 'Create the first account. Then sign in with it to create sessies and invites.',
  'setup.submit': 'Create account',

  'join.invited': 'You are invited as {role} to',

  'board.loading': 'Loading board…',
  'board.unknownSession': 'This sessie does not exist (any more).',
  'board.refused': 'The server refuses the connection to this board ({reason}).',
  'board.unauthorized': 'You have no access to this board yet. Open the invite link you were given, or log in.',
  'board.forbidden': 'You have no access to this board.',
  'board.back': 'Sessies',
  'board.participants': '{count} present',

  'status.verbonden': 'connected',
  'status.opnieuwVerbinden': 'reconnecting',
  'status.offline': 'offline',
  'status.offlineHint': 'Your changes are kept and merged as soon as the connection is back.',

  'tags.current': 'Current tag',
  'tags.filter': 'Highlight',
  'tags.filterAll': 'All',
  'tags.filterHint': 'Click a count to highlight only those stickies.',
  'tags.newSticky': 'New sticky',

  'help.title': 'Keyboard shortcuts',
  'help.open': 'Shortcuts (?)',
  'help.close': 'Close',
  'help.newSticky': 'New sticky with the current tag, in the middle of the view (inside the sheet below it)',
  'help.tagKey': 'Choose tag {label} and give the selected stickies that tag',
  'help.edit': 'Edit the text of the selected sticky',
  'help.stopEdit': 'Stop typing',
  'help.toggle': 'Show or hide this help',
  'help.zoomFit': 'Zoom to fit',
}
