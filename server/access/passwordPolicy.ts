/**
 * P24: a new password must not be common or trivial. Strength is judged by
 * zxcvbn-ts with its common dictionaries (passwords, names, keyboard
 * patterns) and the person's own details and the app's words as extra
 * guesses; a score below 3 (about 10^8 guesses) is refused.
 */
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'

zxcvbnOptions.setOptions({ dictionary, graphs: adjacencyGraphs })

export const MIN_PASSWORD_SCORE = 3

/** Words anyone would try first against this app. */
const APP_WORDS = ['brownpaper', 'wachtwoord', 'welkom', 'themagroep', 'secretariaat', 'coordinator', 'coördinator', 'zorg', 'ministerie', 'vws', 'nza']

export const WEAK_PASSWORD_MESSAGE =
  'Dit wachtwoord is te makkelijk te raden: het is veelgebruikt, voorspelbaar of lijkt op je naam of e-mailadres. Kies een langer wachtwoord, bijvoorbeeld een zin van vier of meer woorden (this password is too easy to guess: choose a longer one, for example a sentence of four or more words)'

/** Whether `password` is strong enough; `personal` are the account's own details (email, name). */
export function isStrongPassword(password: string, personal: readonly string[] = []): boolean {
  const inputs = [...APP_WORDS, ...personal.flatMap((value) => [value, value.replace(/\s+/g, ''), ...value.split(/[@.\s]+/)]).filter((v) => v.length >= 3)]
  return zxcvbn(password.normalize('NFKC').slice(0, 200), inputs).score >= MIN_PASSWORD_SCORE
}
