/**
 * Verslag export timings on a 2,000-sticky board: for each format, the time
 * to build the model from the Y.Doc plus the time to render it (median of a
 * few runs, in process). Called from bench/run.ts; prints, asserts nothing.
 */
import * as Y from 'yjs'
import { linkRecords } from '../shared/records'
import type { StickyMeta } from '../shared/sticky'
import { TAGS } from '../shared/tags'
import { allRecords, newShapeId, recordsOf, writeSessionInfo, type StoredRecord } from '../shared/ydoc'
import { readBoard } from '../shared/boardModel'
import { buildVerslag } from '../server/verslag/buildVerslag'
import { layoutBoard, type PlannedSheet } from '../server/verslag/import/layoutBoard'
import { renderAfsprakenIcs } from '../server/verslag/render/renderAfsprakenIcs'
import { renderDocx } from '../server/verslag/render/renderDocx'
import { renderHtml } from '../server/verslag/render/renderHtml'
import { renderJson } from '../server/verslag/render/renderJson'
import { renderMarkdown } from '../server/verslag/render/renderMarkdown'

/** A board of `stickies` notes over 10 sheets, every tag, with conclusie and regelruimte links. */
export function bigBoard(stickies = 2000): Y.Doc {
  const doc = new Y.Doc()
  writeSessionInfo(doc, { title: 'Benchmark', themagroep: 'Bench', type: 'brownpapersessie', deelnemers: [], afgemeld: [], geplaatstOp: '2016-06-13' })
  const sheets: PlannedSheet[] = Array.from({ length: 10 }, (_, i) => ({ id: newShapeId(), name: `Blad ${i + 1}`, meta: {}, stickies: [] }))
  for (let i = 0; i < stickies; i++) {
    const tag = TAGS[i % TAGS.length]!
    const meta: StickyMeta = { tag, votes: { a: i % 4 } }
    if (tag === 'afspraak') Object.assign(meta, { wanneer: '2016-06-22', tijdVan: '09:30', tijdTot: '11:30', waar: 'Barneveld' })
    if (tag === 'regelruimte') Object.assign(meta, { regeling: 'Wlz', adressaat: 'VWS', status: 'ingediend' })
    sheets[i % sheets.length]!.stickies.push({ id: newShapeId(), text: `Sticky ${i}: ${'tekst '.repeat(1 + (i % 12))}`, meta })
  }
  layoutBoard(doc, sheets, [])
  const board = readBoard(allRecords(doc))
  const byTag = (tag: string) => board.stickies.filter((s) => s.tag === tag)
  const conclusies = byTag('conclusie')
  const regelruimte = byTag('regelruimte')
  const factors = byTag('belemmerend')
  const kv = recordsOf(doc)
  doc.transact(() => {
    conclusies.forEach((c, i) => {
      const f = factors[i % factors.length]!
      const r = regelruimte[i % regelruimte.length]!
      for (const rec of [
        ...linkRecords({ arrowId: newShapeId(), fromId: f.id, toId: c.id, from: f, to: c, index: 'a1' }),
        ...linkRecords({ arrowId: newShapeId(), fromId: c.id, toId: r.id, from: c, to: r, index: 'a1' }),
      ])
        kv.set(rec.id, rec as unknown as StoredRecord)
    })
  })
  return doc
}

async function median(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

export async function benchVerslagExport(stickies = 2000, runs = 5): Promise<void> {
  const doc = bigBoard(stickies)
  const verslag = buildVerslag(doc)
  const build = await median(runs, () => buildVerslag(doc))
  const formats: [string, () => unknown][] = [
    ['md', () => renderMarkdown(verslag)],
    ['html', () => renderHtml(verslag)],
    ['docx', () => renderDocx(verslag)],
    ['json', () => renderJson(verslag)],
    ['ics', () => renderAfsprakenIcs(verslag, 'bench')],
  ]
  console.log(`\nverslag export, ${stickies} stickies (median of ${runs}; build = Y.Doc → model: ${build.toFixed(1)} ms)`)
  console.log('| format | render (ms) | build + render (ms) | size (kB) |')
  console.log('|--------|-------------|---------------------|-----------|')
  for (const [name, render] of formats) {
    const time = await median(runs, render)
    const out = await render()
    const size = typeof out === 'string' ? Buffer.byteLength(out) : (out as Buffer).length
    console.log(`| ${name.padEnd(6)} | ${time.toFixed(1).padStart(11)} | ${(build + time).toFixed(1).padStart(19)} | ${(size / 1024).toFixed(0).padStart(9)} |`)
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  benchVerslagExport().catch((err: unknown) => {
    console.error(err)
    process.exit(1)
  })
}
