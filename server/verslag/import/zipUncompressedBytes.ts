/**
 * L11: the bytes a .docx (a zip) declares it expands to, read from its
 * central directory without inflating anything. A zip bomb (306 KB that
 * inflate to 3 million paragraphs) is refused on this number; the worker's
 * memory limit catches one that lies about it.
 */
const EOCD = 0x06054b50
const CENTRAL_HEADER = 0x02014b50

/** Sum of the entries' declared uncompressed sizes; null when the central directory cannot be read. */
export function zipUncompressedBytes(zip: Buffer): number | null {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
  const from = Math.max(0, zip.length - 22 - 65_535)
  let eocd = -1
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const entries = zip.readUInt16LE(eocd + 10)
  let offset = zip.readUInt32LE(eocd + 16)
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_HEADER) return null
    const size = zip.readUInt32LE(offset + 24)
    // 0xFFFFFFFF: the size is in a zip64 extra field; count it as too large.
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32)
  }
  return total
}
