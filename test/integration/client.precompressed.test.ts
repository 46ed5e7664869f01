/**
 * SPEC M17: the build writes brotli and gzip siblings of the client's assets
 * (scripts/precompress.ts) and the server sends them as they are to a
 * browser that accepts the encoding; others get the file itself.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressFiles } from '../../scripts/precompress'
import { acceptedEncodings } from '../../server/core/http/serveClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

/** A GET with exactly these headers; the body as it travelled (not decoded). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

describe('precompressed client assets', () => {
  let server: TestServer
  let script: Buffer
  const name = 'PhonePage-Ab12_cD.js'

  beforeAll(async () => {
    const clientDir = tempDir()
    const assets = path.join(clientDir, 'assets')
    fs.mkdirSync(assets)
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Brownpaper</title>')
    script = Buffer.from(Array.from({ length: 400 }, (_, i) => `export const sticky${i} = { tag: 'bevorderend', text: 'Wachtlijst ${i}' };\n`).join(''))
    fs.writeFileSync(path.join(assets, name), script)
    fs.writeFileSync(path.join(assets, 'tiny-x1.js'), 'export {}\n')
    fs.writeFileSync(path.join(assets, 'font-x1.woff2'), Buffer.alloc(4096, 7))
    expect(await precompressFiles(assets, [name, 'tiny-x1.js', 'font-x1.woff2'])).toBe(2)
    server = await startTestServer({ clientDir })
  })

  afterAll(async () => {
    await server?.close()
    removeTempDirs()
  })

  it('[M17] the build writes a brotli and a gzip sibling of a script, not of a tiny file or a font', () => {
    const assets = path.join(server.options.clientDir ?? '', 'assets')
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(assets, `${name}.br`)))).toEqual(script)
    expect(zlib.gunzipSync(fs.readFileSync(path.join(assets, `${name}.gz`)))).toEqual(script)
    expect(fs.existsSync(path.join(assets, 'tiny-x1.js.br'))).toBe(false)
    expect(fs.existsSync(path.join(assets, 'font-x1.woff2.br'))).toBe(false)
  })

  it('[M17] a browser that accepts brotli gets the brotli file as it is; gzip only gets the gzip file; neither gets the script itself', async () => {
    const url = `${server.url}/assets/${name}`
    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(br.headers['cache-control']).toMatch(/immutable/)
    expect(br.headers.vary).toMatch(/Accept-Encoding/i)
    expect(br.body.length).toBeLessThan(script.length / 4)
    expect(zlib.brotliDecompressSync(br.body)).toEqual(script)

    for (const header of ['gzip', 'br;q=0, gzip;q=0.8']) {
      const gz = await rawGet(url, { 'accept-encoding': header })
      expect(gz.headers['content-encoding'], header).toBe('gzip')
      expect(zlib.gunzipSync(gz.body)).toEqual(script)
    }

    const plain = await rawGet(url, { 'accept-encoding': 'identity' })
    expect(plain.status).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i)
    expect(plain.body).toEqual(script)
  })

  it('[M17] a file without siblings, a missing one and a path that leaves assets/ are served as before', async () => {
    expect((await rawGet(`${server.url}/assets/tiny-x1.js`, { 'accept-encoding': 'br' })).body.toString()).toBe('export {}\n')
    expect((await rawGet(`${server.url}/assets/missing-x1.js`, { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined()
    const outside = await rawGet(`${server.url}/assets/..%2Findex.html`, { 'accept-encoding': 'br' })
    expect(outside.headers['content-encoding']).toBeUndefined()
  })

  it('[M17] reads Accept-Encoding with its weights', () => {
    const chromium = acceptedEncodings('gzip, deflate, br, zstd')
    expect([chromium('br'), chromium('gzip')]).toEqual([true, true])
    const noBrotli = acceptedEncodings('br;q=0, gzip;q=0.5')
    expect([noBrotli('br'), noBrotli('gzip')]).toEqual([false, true])
    const any = acceptedEncodings('*;q=0.1, gzip;q=0')
    expect([any('br'), any('gzip')]).toEqual([true, false])
    expect(acceptedEncodings(undefined)('br')).toBe(false)
  })
})
