/**
 * Checks an uploaded board picture (SPEC V17): a PNG by its signature, an SVG
 * as UTF-8 text with an <svg> root. Anything else is refused.
 */
import { createHash } from 'node:crypto'
import { HttpError } from '../../core/http/errors'
import { MAX_PICTURE_BYTES, PICTURE_TYPES, type PictureType } from '../../../shared/verslag/versions'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

export interface CheckedPicture {
  contentType: PictureType
  width?: number
  height?: number
}

function badPicture(message: string): HttpError {
  return new HttpError(400, 'invalid_picture', message)
}

export function checkPicture(contentTypeHeader: string | undefined, body: unknown): CheckedPicture {
  const type = (contentTypeHeader ?? '').split(';')[0]!.trim().toLowerCase()
  if (!(PICTURE_TYPES as readonly string[]).includes(type)) {
    throw badPicture(`Stuur de foto als image/png of image/svg+xml (got ${type || 'no content type'})`)
  }
  if (!Buffer.isBuffer(body) || body.length === 0) throw badPicture('Er is geen foto meegestuurd (empty body)')
  if (body.length > MAX_PICTURE_BYTES) throw new HttpError(413, 'body_too_large', 'De foto is te groot (picture too large)')
  if (type === 'image/png') {
    if (body.length < 24 || PNG_SIGNATURE.some((b, i) => body[i] !== b)) throw badPicture('Dit is geen PNG-bestand (not a PNG)')
    const width = body.readUInt32BE(16)
    const height = body.readUInt32BE(20)
    if (width === 0 || height === 0 || width > 100_000 || height > 100_000) throw badPicture('De PNG heeft een onmogelijke grootte (bad PNG size)')
    return { contentType: 'image/png', width, height }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    throw badPicture('De SVG is geen UTF-8-tekst (SVG not UTF-8)')
  }
  if (!/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(text)) throw badPicture('Dit is geen SVG-bestand (not an SVG)')
  return { contentType: 'image/svg+xml' }
}

export function pictureHash(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16)
}

/** Pictures are served with a policy that runs nothing, also when opened directly. */
export const PICTURE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
