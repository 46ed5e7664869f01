/**
 * The code of a short link and the sealing of its invite token (SPEC M7).
 * The code (60 random bits) is stored as its SHA-256 only; the token is
 * AES-256-GCM encrypted under a key derived from the code with scrypt, so a
 * copy of the database does not give the invite away.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt, scryptSync } from 'node:crypto'
import { SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from '../../shared/shortLinks'

export function newShortCode(): string {
  let code = ''
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)]
  return code
}

export function hashShortCode(code: string): string {
  return createHash('sha256').update(`brownpaper-short-link:${code}`).digest('hex')
}

const keyOf = (code: string) => scryptSync(code, 'brownpaper-short-link-key', 32, { N: 16384, r: 8, p: 1 })

export function sealToken(token: string, code: string): { iv: string; sealed: string; tag: string } {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(code), iv)
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()])
  return { iv: iv.toString('base64url'), sealed: sealed.toString('base64url'), tag: cipher.getAuthTag().toString('base64url') }
}

/** The token, or null when the code does not open it. */
export function openToken(sealed: { iv: string; sealed: string; tag: string }, code: string): string | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(code), Buffer.from(sealed.iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(sealed.sealed, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
