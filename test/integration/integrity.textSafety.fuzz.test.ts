/**
 * Text safe for every format (SPEC L10), fuzzed: boards full of hostile text
 * (U+FFFE, U+FFFF, C0 controls, lone surrogates, markup and formula
 * characters) are exported in every format; each answers 200, holds no
 * character its format cannot hold, and the .docx parses as strict XML.
 * The seed is printed; replay a failure with `FUZZ_SEED=<n> npx vitest run <this file>`.
 */
import ICAL from 'ical.js'
import JSZip from 'jszip'
import { SaxesParser } from 'saxes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TAGS } from '../../shared/tags'
import { addSticky, writeSessionInfo } from '../../shared/ydoc'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))

/** mulberry32: a small seeded generator, so a run can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const ALPHABET = [
  '\uFFFE', '\uFFFF', '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\uD800', '\uDBFF', '\uDC00', '\uDFFF',
  '\uD83D\uDE00', '\u202E', '\u00A0', '\u200B', '\t', '\n', '\r',
  '<', '>', '&', '"', "'", '=', '+', '-', '@', ';', ',', '#', '*', '_', '|', '`', '[', ']', '\\',
  'a', 'Z', 'é', 'ß', ' ', ' ', 'x', '1',
]
/** What no format may contain after rendering (the renderers' own line ends are fine). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

describe(`text safe for every format (L10), FUZZ_SEED=${SEED}`, () => {
  let server: TestServer
  const clients: YClient[] = []

  beforeAll(async () => {
    console.log(`FUZZ_SEED=${SEED}`)
    server = await startTestServer()
  })
  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  async function get(path: string): Promise<{ status: number; bytes: Buffer }> {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) }
  }

  async function xmlParts(docx: Buffer): Promise<Map<string, string>> {
    const zip = await JSZip.loadAsync(docx)
    const parts = new Map<string, string>()
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) parts.set(name, await zip.file(name)!.async('string'))
    return parts
  }

  function parseXml(name: string, xml: string): void {
    const parser = new SaxesParser({ xmlns: true })
    parser.on('error', (err) => {
      throw new Error(`${name}: ${err.message}`)
    })
    parser.write(xml).close()
  }

  it('[L10] every export of a board full of hostile text answers 200, holds no unsafe character, and its .docx parses as XML', async () => {
    const next = random(SEED)
    const text = (max: number) => Array.from({ length: 1 + Math.floor(next() * max) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('')
    for (let round = 0; round < 3; round++) {
      const { id } = await server.createSession()
      const admin = connectYClient(server.wsUrl, id)
      clients.push(admin)
      await admin.synced
      admin.doc.transact(() => {
        writeSessionInfo(admin.doc, { title: `Sessie ${text(20)}`, place: text(15), deelnemers: [{ name: text(10), organisation: text(10) }, { organisation: text(10) }], afgemeld: [text(8)], intro: text(60), agenda: text(30) })
        for (let i = 0; i < 24; i++) {
          const tag = TAGS[i % TAGS.length]!
          addSticky(admin.doc, {
            text: text(40),
            tag,
            sheet: next() < 0.5 ? `Vel ${text(6)}` : undefined,
            author: { id: text(5), name: text(10), organisation: text(10) },
            extraMeta:
              tag === 'afspraak'
                ? { wie: text(12), wanneer: '2026-06-22', tijdVan: '09:30', tijdTot: '11:30', waar: text(12) }
                : tag === 'regelruimte'
                  ? { regeling: text(10), gevraagdeRuimte: text(30), adressaat: text(8), indiener: text(8) }
                  : {},
          })
        }
      })
      await server.rooms.get(id)!.whenSaved()

      for (const format of ['md', 'html', 'json']) {
        const res = await get(`/api/sessions/${id}/verslag.${format}`)
        expect(res.status, `verslag.${format} (FUZZ_SEED=${SEED})`).toBe(200)
        expect(UNSAFE.test(res.bytes.toString('utf8')), `verslag.${format} holds an unsafe character (FUZZ_SEED=${SEED})`).toBe(false)
      }
      JSON.parse((await get(`/api/sessions/${id}/verslag.json`)).bytes.toString('utf8'))

      const docx = await get(`/api/sessions/${id}/verslag.docx`)
      expect(docx.status, `verslag.docx (FUZZ_SEED=${SEED})`).toBe(200)
      for (const [name, xml] of await xmlParts(docx.bytes)) {
        expect(UNSAFE.test(xml), `${name} holds an unsafe character (FUZZ_SEED=${SEED})`).toBe(false)
        parseXml(name, xml)
      }

      const ics = await get(`/api/sessions/${id}/afspraken.ics`)
      expect(ics.status, `afspraken.ics (FUZZ_SEED=${SEED})`).toBe(200)
      expect(UNSAFE.test(ics.bytes.toString('utf8').replace(/\r\n/g, '\n'))).toBe(false)
      expect(new ICAL.Component(ICAL.parse(ics.bytes.toString('utf8'))).getAllSubcomponents('vevent').length).toBeGreaterThan(0)

      for (const path of ['/api/regelruimte.csv', '/api/regelruimte.json']) {
        const res = await get(path)
        expect(res.status, `${path} (FUZZ_SEED=${SEED})`).toBe(200)
        expect(UNSAFE.test(res.bytes.toString('utf8').replace(/\r\n/g, '\n')), `${path} (FUZZ_SEED=${SEED})`).toBe(false)
      }
    }
  })
})
