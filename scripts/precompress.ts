/**
 * The built client's assets compressed once, at build time (SPEC M17): a
 * `.br` (brotli, quality 11; 10 above 512 KiB) and a `.gz` (gzip, level 9) beside every script,
 * style sheet, JSON and SVG file of 1 KiB or more, when smaller than the
 * file. The server sends them as they are to a browser that accepts the
 * encoding (`server/core/http/serveClient.ts`), instead of compressing every
 * response again at a fast, weaker level: a phone loads less (M1) and a cold
 * load of the board does not wait for 1.8 MB of tldraw to be compressed.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Plugin } from 'vite'

/** Encodings written beside a file, in the order the server prefers them. */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const

const COMPRESSIBLE = /\.(js|mjs|css|json|svg)$/
const MIN_BYTES = 1024
const LARGE_BYTES = 512 * 1024
const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

async function encode(data: Buffer, encoding: (typeof PRECOMPRESSED)[number]['encoding']): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(data, {
        params: {
          // Quality 11 takes seconds on the 1.8 MB tldraw chunk, for 1.5 % less than 10.
          [zlib.constants.BROTLI_PARAM_QUALITY]: data.length > LARGE_BYTES ? 10 : zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      })
    : gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION })
}

/** Writes the compressed siblings of `files` (paths inside `dir`); returns how many were written. */
export async function precompressFiles(dir: string, files: readonly string[]): Promise<number> {
  let written = 0
  await Promise.all(
    files
      .filter((file) => COMPRESSIBLE.test(file))
      .map(async (file) => {
        const full = path.join(dir, file)
        const data = await fs.readFile(full)
        if (data.length < MIN_BYTES) return
        for (const { encoding, suffix } of PRECOMPRESSED) {
          const packed = await encode(data, encoding)
          if (packed.length >= data.length) continue
          await fs.writeFile(full + suffix, packed)
          written++
        }
      }),
  )
  return written
}

/** The Vite plugin: after the client is written, compress what it wrote. */
export function precompress(): Plugin {
  return {
    name: 'brownpaper:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      if (!options.dir) return
      await precompressFiles(options.dir, Object.keys(bundle))
    },
  }
}
