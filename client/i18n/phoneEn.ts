import type { phoneNl } from './phoneNl'

/** English text of the phone page and the list view (spread into en.ts). */
export const phoneEn: Record<keyof typeof phoneNl, string> = {
  'phone.compose': 'New sticky',
  'phone.text': 'Text',
  'phone.textPlaceholder': 'What do you want to put on the board?',
  'phone.tag': 'Tag',
  'phone.sheet': 'Sheet',
  'phone.unnamedSheet': 'Unnamed sheet',
  'phone.outsideSheets': 'Outside the sheets',
  'phone.send': 'Send',
  'phone.sending': 'Sending…',
  'phone.sent': 'Sent. Your sticky is on the board.',
  'phone.mine': 'My stickies ({count})',
  'phone.mineEmpty': 'You have not written any stickies yet.',
  'phone.edit': 'Edit',
  'phone.save': 'Save',
  'phone.cancel': 'Cancel',
  'phone.views': 'Views',
  'phone.toBoard': 'To the board',
  'phone.toList': 'All stickies',
  'phone.toPhone': 'Phone view',
  'views.label': 'Other view',
  'views.list': 'List',
  'views.listHint': 'Every sticky as a list, by sheet and tag, with search (also without the canvas)',
  'views.phone': 'Phone',
  'views.phoneHint': 'A simple page to write stickies, without the canvas',
}
