/**
 * The printed formats as a reader gets them (SPEC V24, V25): every corpus
 * verslag's .docx converts with LibreOffice headless without an error, and
 * its .pdf (pdfmake) has its fonts embedded, the title and headings in
 * order, the numbers of numbered items, and page numbers. Needs `soffice`
 * and poppler's `pdftotext`/`pdffonts` (.ci/run installs them).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Verslag } from '../../shared/verslag/schema'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { importVerslag } from '../../server/verslag/import/importVerslag'
import { parseVerslagDocx } from '../../server/verslag/import/parseVerslagDocx'
import { parseVerslagText } from '../../server/verslag/import/parseVerslagText'
import { renderDocx } from '../../server/verslag/render/renderDocx'
import { renderPdf } from '../../server/verslag/render/renderPdf'
import { CORPUS } from '../fixtures/corpus/manifest'
import { chainBoard } from '../helpers/verslagBoard'
import { removeTempDirs, tempDir } from '../helpers/tempDir'
import { corpusDocx } from '../helpers/corpusDocx'

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'corpus')
const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'verslagen')

async function corpusVerslag(file: string): Promise<Verslag> {
  if (file.endsWith('.docx')) {
    const bytes = await corpusDocx(file)
    return buildVerslag(importVerslag(await parseVerslagDocx(bytes)).doc)
  }
  return buildVerslag(importVerslag(parseVerslagText(readFileSync(path.join(DIR, file), 'utf8'))).doc)
}

const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
/** Words of a heading in reading order, whatever line breaks the layout made. */
const squash = (s: string) => s.replace(/\s+/g, ' ')

describe('Printed formats (V24, V25)', () => {
  const work = tempDir('brownpaper-print-')
  const verslagen = new Map<string, Verslag>()

  beforeAll(async () => {
    for (const entry of CORPUS) verslagen.set(entry.file.replace(/\.\w+$/, ''), await corpusVerslag(entry.file))
    verslagen.set('chain', buildVerslag(chainBoard().doc))
    for (const name of ['so-in-de-eerstelijn-2016-06', 'workshop-huisarts-in-the-lead-2016-08']) {
      verslagen.set(name, buildVerslag(importVerslag(parseVerslagText(readFileSync(path.join(FIXTURES, `${name}.txt`), 'utf8'))).doc))
    }
    for (const [name, v] of verslagen) {
      writeFileSync(path.join(work, `${name}.docx`), await renderDocx(v))
      writeFileSync(path.join(work, `${name}.pdf`), await renderPdf(v))
    }
  }, 120_000)

  afterAll(() => removeTempDirs())

  it('[V24] every exported .docx converts with LibreOffice headless without an error, headings and tables intact', () => {
    const out = path.join(work, 'lo')
    const docx = [...verslagen.keys()].map((n) => path.join(work, `${n}.docx`))
    // Its own profile: no clash with another soffice on the machine.
    const log = execFileSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...docx], {
      encoding: 'utf8',
      timeout: 110_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    expect(log).not.toMatch(/error/i)
    for (const [name, v] of verslagen) {
      const pdf = path.join(out, `${name}.pdf`)
      expect(existsSync(pdf), `${name}.pdf`).toBe(true)
      expect(statSync(pdf).size).toBeGreaterThan(1000)
      const words = squash(text(pdf))
      expect(words).toContain(squash(v.heading))
      for (const s of v.sections) expect(words).toContain(squash(s.heading))
    }
  }, 120_000)

  it('[V25] each .pdf has its fonts embedded, the title in its properties, the headings in order and page numbers', () => {
    for (const [name, v] of verslagen) {
      const pdf = path.join(work, `${name}.pdf`)
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '')
      expect(fonts.length, name).toBeGreaterThan(0)
      for (const f of fonts) expect(f, name).toMatch(/Roboto.*\byes\s+yes\b/)
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
      expect(squash(info)).toContain(`Title: ${squash(v.heading)}`)
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/)
      const words = squash(text(pdf))
      let at = words.indexOf(squash(v.heading))
      expect(at, `${name}: title`).toBeGreaterThanOrEqual(0)
      for (const s of v.sections) {
        const next = words.indexOf(squash(s.heading), at)
        expect(next, `${name}: ${s.heading}`).toBeGreaterThan(at)
        at = next
      }
      expect(words).toMatch(/Pagina 1 van \d+/)
    }
  })

  it('[V25][V20] numbered items keep their numbers as written in the .pdf; the image placeholder is not printed', () => {
    const numbered = squash(text(path.join(work, 'verslag-genummerd-vervolgafspraken.pdf')))
    expect(numbered).toContain('1. Indicatiestelling a. De wachttijd bij het CIZ')
    expect(numbered).toContain('2. Overdracht tussen huisarts en specialist ouderengeneeskunde a. Er is geen gedeeld dossier.')
    const faq = squash(text(path.join(work, 'faq-programma-web.pdf')))
    expect(faq).toContain('1. Wat is het doel van het programma?')
    expect(faq).not.toContain('800x533')
  })

  it('[V31][V28][V30] as printed (pdfmake, and the .docx through LibreOffice): "i." and "ii." start their text at the same place; numbered afspraken keep their number; prose after the afspraken stays after the table', () => {
    /** Each word with its left edge, in reading order (poppler's -bbox). */
    const words = (pdf: string) =>
      [...execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: m[3]! }))
    const after = (list: { x: number; w: string }[], marker: string, word: string) => list[list.findIndex((x, i) => x.w === marker && list[i + 1]?.w === word) + 1]
    for (const pdf of [path.join(work, 'verslag-genummerde-agendapunten.pdf'), path.join(work, 'lo', 'verslag-genummerde-agendapunten.pdf')]) {
      const list = words(pdf)
      const first = after(list, 'i.', 'de')
      const second = after(list, 'ii.', 'de')
      expect(first, pdf).toBeDefined()
      expect(second, pdf).toBeDefined()
      expect(Math.abs(first!.x - second!.x), pdf).toBeLessThan(0.5)
    }
    for (const pdf of [path.join(work, 'word-meerniveau-nummering.pdf'), path.join(work, 'lo', 'word-meerniveau-nummering.pdf')]) {
      expect(squash(text(pdf)), pdf).toMatch(/1\. Zorgkantoor Oost schrijft/)
    }
    for (const pdf of [path.join(work, 'email-notulen-doorgestuurd.pdf'), path.join(work, 'lo', 'email-notulen-doorgestuurd.pdf')]) {
      const all = squash(text(pdf))
      expect(all.indexOf('Met vriendelijke groet'), pdf).toBeGreaterThan(all.indexOf('14 januari 2025, 10:00'))
    }
  })

  it('[V25][V8] the same verslag gives the same PDF bytes', async () => {
    const v = verslagen.get('chain')!
    expect(Buffer.compare(await renderPdf(v), readFileSync(path.join(work, 'chain.pdf')))).toBe(0)
  })
})
