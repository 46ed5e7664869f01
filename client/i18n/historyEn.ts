import type { historyNl } from './historyNl'

/** English UI text of the board's history page (spread into en.ts). */
export const historyEn: Record<keyof typeof historyNl, string> = {
  'history.link': 'History',
  'history.title': 'History of the board',
  'history.intro':
    'Brownpaper saves the board automatically while people work on it, just before someone deletes a lot at once, at every phase change and at every vaststelling of the verslag. Choose a version to see what was on it, and bring the board back to it if needed.',
  'history.back': 'Back to the board',
  'history.loading': 'Loading versions…',
  'history.forbidden': 'Only the themacoördinator and the secretariaat of this session see the history of the board.',
  'history.empty':
    'No version has been saved yet. As soon as people work on the board, Brownpaper saves it automatically; also just before a large deletion, at a phase change and at a vaststelling.',
  'history.list': 'Saved versions',
  'history.version': 'Version {version}',
  'history.kind.periodic': 'Saved automatically',
  'history.kind.periodicBy': 'Saved automatically after changes by {who}',
  'history.kind.before-delete': 'Just before {count} items were deleted at once',
  'history.kind.before-deleteBy': 'Just before {who} deleted {count} items at once',
  'history.kind.vaststelling': 'At the vaststelling of version {detail} of the verslag',
  'history.kind.phase': 'At the change to the phase ‘{detail}’',
  'history.kind.before-restore': 'Just before version {detail} was restored',
  'history.kind.before-restoreBy': 'Just before {who} restored version {detail}',
  'history.counts': '{stickies}, {sheets}, {links}',
  'history.count.sticky': '1 sticky',
  'history.count.stickies': '{count} stickies',
  'history.count.sheet': '1 sheet',
  'history.count.sheets': '{count} sheets',
  'history.count.link': '1 link',
  'history.count.links': '{count} links',
  'history.view': 'View',
  'history.viewing': 'Shown',
  'history.preview.title': 'Version {version} · {when}',
  'history.preview.loading': 'Loading version…',
  'history.preview.picture': 'Sketch of the board in version {version}',
  'history.preview.noStickies': 'There were no stickies on this sheet.',
  'history.preview.emptyBoard': 'The board was empty in this version.',
  'history.preview.outside': 'Outside the sheets',
  'history.preview.noText': '(no text)',
  'history.restore': 'Restore this version',
  'history.confirm.title': 'Restore version {version}?',
  'history.confirm.body':
    'The board goes back, for everyone, to how it was on {when}: {counts}. What is on the board now is saved as a new version first, so you can undo this.',
  'history.confirm.yes': 'Yes, restore',
  'history.confirm.no': 'Cancel',
  'history.restoring': 'Restoring…',
  'history.restored':
    'The board is back at version {version}. How it was just before is saved as version {before}; restore that one to undo this.',
}
