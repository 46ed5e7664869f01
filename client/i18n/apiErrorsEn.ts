import type { apiErrorsNl } from './apiErrorsNl'

/** English text for the server's error codes (spread into en.ts). */
export const apiErrorsEn: Readonly<Record<keyof typeof apiErrorsNl, string>> = {
  'apiError.invalid_credentials': 'Email address or password is incorrect.',
  'apiError.rate_limited': 'Too many attempts. Try again in a quarter of an hour.',
  'apiError.unauthorized': 'You are not signed in (any more). Sign in again or reopen your invite link.',
  'apiError.csrf': 'Your session has expired. Reload the page and try again.',
  'apiError.invite_invalid': 'This invite link is invalid, expired or revoked. Ask the themacoördinator for a new link.',
  'apiError.invite_not_found': 'This invite does not exist (any more).',
  'apiError.setup_closed': 'This setup link is invalid or already used. Sign in with the account that was created.',
  'apiError.session_not_found': 'This sessie does not exist (any more).',
  'apiError.unreadable_docx': 'This Word file cannot be read. Save it again as .docx or paste the text.',
  'apiError.unreadable_body': 'This file is not text. Choose a .txt or .docx file, or paste the text.',
  'apiError.empty_body': 'There is no text in this verslag.',
  'apiError.body_too_large': 'The file is too large.',
  'apiError.picture_not_found': 'There is no board picture yet.',
  'apiError.version_conflict': 'Someone else just adopted the verslag. Try again.',
  'apiError.not_ready': 'The server is restarting. Try again in a moment.',
  'apiError.version_not_found': 'This version of the board does not exist (any more). Reload the list.',
  'apiError.invalid_version': 'This version number is not valid.',
  'apiError.storage_unavailable': 'Storage is unavailable for a moment. Try again shortly.',
  'apiError.weak_password': 'This password is too easy to guess: it is common, predictable or close to your name or email address. Choose a longer one, for example a sentence of four or more words.',
  'apiError.internal_error': 'Something went wrong on the server. Try again.',
}
