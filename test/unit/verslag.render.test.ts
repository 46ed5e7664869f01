import mammoth from 'mammoth'
import { describe, expect, it, vi } from 'vitest'
import { verslagSchema } from '../../shared/verslag/schema'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { renderAfsprakenIcs } from '../../server/verslag/render/renderAfsprakenIcs'
import { renderDocx } from '../../server/verslag/render/renderDocx'
import { renderHtml } from '../../server/verslag/render/renderHtml'
import { renderJson } from '../../server/verslag/render/renderJson'
import { renderMarkdown } from '../../server/verslag/render/renderMarkdown'
import { chainBoard, XSS } from '../helpers/verslagBoard'

const FACTOR = 'SO heeft geen eigen betaaltitel in ZVW'
const CONCLUSIE = 'Eén financiering binnen één domein'
const VERZOEK = 'Aanpassing subsidieregeling extramurale behandeling'

async function docxHtml(buffer: Buffer): Promise<string> {
  return (await mammoth.convertToHtml({ buffer })).value
}

describe('Verslag renderers', () => {
  it('[V8] the same document gives the same bytes in md, html, docx, json and ics', async () => {
    const { doc } = chainBoard()
    const a = buildVerslag(doc)
    const b = buildVerslag(doc)
    expect(renderMarkdown(b)).toBe(renderMarkdown(a))
    expect(renderHtml(b)).toBe(renderHtml(a))
    expect(renderJson(b)).toBe(renderJson(a))
    expect(renderAfsprakenIcs(b, 'sessie-1')).toBe(renderAfsprakenIcs(a, 'sessie-1'))
    // Rendered at two different times (a day apart; zip entry times have a two-second
    // resolution): the bytes do not depend on the clock.
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(new Date('2026-03-01T09:00:00Z'))
      const first = await renderDocx(a)
      vi.setSystemTime(new Date('2026-03-02T17:31:07Z'))
      const second = await renderDocx(b)
      expect(Buffer.compare(first, second)).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it('[V10] HTML escapes a sticky like <img src=x onerror=alert(1)>: it shows as text, nothing can run', () => {
    const html = renderHtml(buildVerslag(chainBoard().doc))
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain(XSS)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<[^>]*\son\w+=/i)
    expect(html).toContain("Content-Security-Policy")
  })

  it('[V10] Markdown escapes markup in sticky text', () => {
    const md = renderMarkdown(buildVerslag(chainBoard().doc))
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>')
    expect(md).not.toContain(XSS)
  })

  it('[V11] HTML is a complete print-ready A4 document with headings, nested lists and tables', () => {
    const html = renderHtml(buildVerslag(chainBoard().doc))
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toMatch(/@page \{ size: A4;/)
    expect(html).toContain('<h1>Verslag: Bekostiging SO in de eerstelijn</h1>')
    expect(html).toContain('<h2>Conclusie SO in the lead</h2>')
    expect(html).toMatch(/<li>Ondeelbare zorg<ul>\s*<li>Discussie over indirecte tijd<\/li>/)
    // Regelruimte, afspraken, and the ranked votes (V26: the board has votes).
    expect(html.match(/<table>/g)).toHaveLength(3)
    expect(html).toContain('<dt>Datum</dt><dd>13 juni 2016</dd>')
    expect(html).toContain('<p>Laatst gewijzigd op: 29 juli 2019</p>')
  })

  it('[V6] the chain belemmerend → conclusie → regelruimte appears in md, html, docx and json', async () => {
    const v = buildVerslag(chainBoard().doc)
    const md = renderMarkdown(v)
    expect(md).toContain(`- ${CONCLUSIE}\n  _Rust op:_ “${FACTOR}” (belemmerend, SO in the lead)\n  _Vraagt om:_ regelruimte R1 “${VERZOEK}”`)
    expect(md).toContain(`| R1 | ${VERZOEK} |`)
    expect(md).toContain(`- Volgt uit “${CONCLUSIE}” (conclusie, SO in the lead)\n  - Rust op “${FACTOR}” (belemmerend, SO in the lead)`)

    const html = renderHtml(v)
    const row = /<tr><td>R1<\/td>[\s\S]*?<\/tr>/.exec(html)?.[0] ?? ''
    expect(row).toContain(VERZOEK)
    expect(row).toContain(CONCLUSIE)
    expect(row).toContain(FACTOR)
    expect(row).toContain('<td>ingediend</td>')

    const docx = await docxHtml(await renderDocx(v))
    const docxRow = /<tr>(?:(?!<tr>)[\s\S])*?R1[\s\S]*?<\/tr>/.exec(docx)?.[0] ?? ''
    expect(docxRow).toContain(VERZOEK)
    expect(docxRow).toContain(CONCLUSIE)
    expect(docxRow).toContain(FACTOR)

    const json = verslagSchema.parse(JSON.parse(renderJson(v)))
    const rr = json.sections.find((s) => s.kind === 'regelruimte')
    expect(rr?.kind === 'regelruimte' && rr.verzoeken[0]!.conclusies[0]!.factoren[0]!.text).toBe(FACTOR)
  })

  it('[V11] the .docx read back by mammoth has the headings, nested bullets and both tables', async () => {
    const html = await docxHtml(await renderDocx(buildVerslag(chainBoard().doc)))
    expect(html).toContain('<h1>Verslag: Bekostiging SO in de eerstelijn</h1>')
    expect(html).toContain('<h2>Opbrengst brownpapersessie – SO in the lead</h2>')
    expect(html).toContain('<h2>Belemmerende factoren</h2>')
    expect(html).toContain('<h3>SO in the lead</h3>')
    expect(html).toMatch(/<li>Ondeelbare zorg<ul><li>Discussie over indirecte tijd<\/li><\/ul><\/li>/)
    // Regelruimte, afspraken, and the ranked votes (V26: the board has votes).
    expect(html.match(/<table>/g)).toHaveLength(3)
    expect(html).toContain('<p>22 juni 2016, 09:30–11:30</p>')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('[V12] the .json is the model and validates against the schema', () => {
    const v = buildVerslag(chainBoard().doc)
    const parsed = verslagSchema.safeParse(JSON.parse(renderJson(v)))
    expect(parsed.success).toBe(true)
    expect(parsed.data).toEqual(v)
    expect(parsed.data?.schemaVersion).toBe(1)
  })

  it('[V10][V11] the board picture: embedded in html and docx, referenced by path in md, never from another origin', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
    const { doc } = chainBoard()
    const embedded = buildVerslag(doc, { boardPicture: { url: `data:image/png;base64,${png}`, alt: 'Het bord' } })
    expect(renderHtml(embedded)).toContain(`<img src="data:image/png;base64,${png}" alt="Het bord">`)
    expect(await docxHtml(await renderDocx(embedded))).toMatch(/<img [^>]*src="data:image\/png;base64,/)
    // [V8] drawings are numbered per document, not by docx's process-wide counter.
    expect(Buffer.compare(await renderDocx(embedded), await renderDocx(embedded))).toBe(0)
    const byPath = buildVerslag(doc, { boardPicture: { url: '/api/sessions/abc/board.png', alt: 'Het bord' } })
    expect(renderMarkdown(byPath)).toContain('![Het bord](/api/sessions/abc/board.png)')
    for (const url of ['javascript:alert(1)', 'https://evil.example/x.png', '//evil.example/x.png']) {
      const v = buildVerslag(doc, { boardPicture: { url, alt: 'x' } })
      expect(renderHtml(v)).not.toContain('<img')
      expect(renderMarkdown(v)).not.toContain('![')
    }
  })
})
