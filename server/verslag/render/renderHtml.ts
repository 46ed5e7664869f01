/**
 * The verslag as one complete, print-ready A4 HTML document (SPEC V10, V11):
 * inline CSS with @page, no scripts, every text HTML-escaped.
 */
import { TAG_INFO } from '../../../shared/tags'
import { VERSLAG_LABELS } from '../../../shared/verslag/labels'
import type { StickyRef, Verslag, VerslagItem, VerslagSection } from '../../../shared/verslag/schema'
import { agendaMarker, asksForText, markedText, footerLines, headerLines, oneLine, refContext, stemmenTable, wanneerText, printable } from '../../../shared/verslag/wording'
import { safeDeep } from '../../../shared/safeText'

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Escaped text with its line breaks kept. */
function text(t: string): string {
  return t
    .split('\n')
    .map((l) => escapeHtml(l))
    .join('<br>')
}

const CSS = `
@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Calibri, Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1d1d1f; margin: 0 auto; max-width: 174mm; }
h1 { font-size: 20pt; margin: 0 0 6pt; }
h2 { font-size: 14pt; margin: 18pt 0 6pt; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6pt; }
ul { margin: 0 0 8pt; padding-left: 18pt; }
ol.written { list-style: none; margin: 0 0 8pt; padding-left: 18pt; }
ol.written > li > .marker { display: inline-block; min-width: 14pt; margin-left: -18pt; padding-right: 4pt; }
li { margin: 0 0 3pt; break-inside: avoid; page-break-inside: avoid; }
dl.header { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; margin: 0 0 12pt; }
dl.header dt { font-weight: 600; }
dl.header dd { margin: 0; }
.tag { display: inline-block; min-width: 1.2em; padding: 0 3pt; margin-right: 3pt; border-radius: 3pt; color: #fff; font-size: 8.5pt; text-align: center; }
.trace { display: block; color: #4a4a4f; font-size: 9.5pt; }
.trace b { font-weight: 600; }
.votes { color: #6b6b70; font-size: 9pt; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 9.5pt; }
th, td { border: 0.6pt solid #9a9aa0; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eeeef0; }
tr { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 8pt 0 12pt; }
figure img { max-width: 100%; max-height: 120mm; }
footer { margin-top: 18pt; border-top: 0.6pt solid #9a9aa0; padding-top: 6pt; }
@media print { a { color: inherit; text-decoration: none; } }
`

function badge(tag: VerslagItem['tag'], lang: Verslag['language']): string {
  const info = TAG_INFO[tag]
  return `<span class="tag" style="background:${info.hex}" title="${escapeHtml(info.label[lang])}">${escapeHtml(info.symbol)}</span>`
}

function refHtml(r: StickyRef, lang: Verslag['language']): string {
  return `${badge(r.tag, lang)}“${escapeHtml(oneLine(r.text))}” ${escapeHtml(refContext(r, lang))}`
}

function votes(item: VerslagItem, v: Verslag): string {
  return item.votes > 0 ? ` <span class="votes">(${escapeHtml(VERSLAG_LABELS[v.language].votes(item.votes))})</span>` : ''
}

/** Paragraphs, and bullets as lists; numbered items as an <ol> that shows their numbers as written (SPEC V20). */
function items(list: VerslagItem[], v: Verslag, extras?: (item: VerslagItem) => string): string {
  const out: string[] = []
  let open: 'ul' | 'ol' | null = null
  const close = () => {
    if (open) out.push(`</${open}>`)
    open = null
  }
  for (const item of list) {
    if (item.kind === 'paragraph') {
      close()
      out.push(`<p>${text(item.text)}${votes(item, v)}</p>`)
      if (item.children.length > 0) out.push(items(item.children, v, extras))
      continue
    }
    const wanted = item.marker !== undefined ? 'ol' : 'ul'
    if (open !== wanted) {
      close()
      out.push(wanted === 'ol' ? '<ol class="written">' : '<ul>')
      open = wanted
    }
    const children = item.children.length > 0 ? items(item.children, v, extras) : ''
    const marker = item.marker !== undefined ? `<span class="marker">${escapeHtml(item.marker)}</span> ` : ''
    out.push(`<li>${marker}${text(item.text)}${votes(item, v)}${extras ? extras(item) : ''}${children}</li>`)
  }
  close()
  return out.join('\n')
}

function section(s: VerslagSection, v: Verslag): string {
  const L = VERSLAG_LABELS[v.language]
  const lang = v.language
  const out = [`<section class="${s.kind}">`, `<h2>${escapeHtml(s.heading)}</h2>`]
  switch (s.kind) {
    case 'section':
      out.push(items(s.items, v))
      break
    case 'conclusies': {
      const byId = new Map(s.conclusies.map((c) => [c.item.id, c]))
      out.push(
        items(
          s.conclusies.map((c) => c.item),
          v,
          (item) => {
            const c = byId.get(item.id)
            if (!c) return ''
            const parts: string[] = []
            if (c.restsOn.length > 0)
              parts.push(`<span class="trace"><b>${escapeHtml(L.restsOn)}:</b> ${c.restsOn.map((r) => refHtml(r, lang)).join('; ')}</span>`)
            if (c.asksFor.length > 0)
              parts.push(`<span class="trace"><b>${escapeHtml(L.asksFor)}:</b> ${escapeHtml(L.regelruimte.toLowerCase())} ${escapeHtml(asksForText(v, c.asksFor))}</span>`)
            return parts.join('')
          },
        ),
      )
      break
    }
    case 'factoren':
      for (const g of s.groups) {
        if (g.heading) out.push(`<h3>${escapeHtml(g.heading)}</h3>`)
        out.push(items(g.items, v))
      }
      break
    case 'regelruimte': {
      out.push(items(s.notes, v))
      if (s.verzoeken.length === 0) break
      const head = [L.nummer, L.verzoek, L.gevraagdeRuimte, L.regeling, L.adressaat, L.indiener, L.status]
      out.push('<table>', `<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`, '<tbody>')
      for (const r of s.verzoeken) {
        const trace: string[] = []
        for (const c of r.conclusies) {
          trace.push(`<span class="trace"><b>${escapeHtml(L.followsFrom)}</b> ${refHtml(c.conclusie, lang)}</span>`)
          if (c.factoren.length > 0)
            trace.push(`<span class="trace">&#8195;<b>${escapeHtml(L.restsOn)}</b> ${c.factoren.map((f) => refHtml(f, lang)).join('; ')}</span>`)
        }
        for (const d of r.restsOn) trace.push(`<span class="trace"><b>${escapeHtml(L.restsOn)}</b> ${refHtml(d, lang)}</span>`)
        const children = r.item.children.length > 0 ? items(r.item.children, v) : ''
        const cells = [
          escapeHtml(r.nummer),
          `${text(r.item.text)}${votes(r.item, v)}${trace.join('')}${children}`,
          text(r.gevraagdeRuimte ?? ''),
          text(r.regeling ?? ''),
          text(r.adressaat ?? ''),
          text(r.indiener ?? ''),
          escapeHtml(L.statusLabel[r.status]),
        ]
        out.push(`<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`)
      }
      out.push('</tbody></table>')
      if (s.notesAfter) out.push(items(s.notesAfter, v))
      break
    }
    case 'afspraken': {
      out.push(items(s.notes, v))
      if (s.afspraken.length === 0) break
      const head = [L.afspraak, L.wie, L.wanneer, L.waar]
      out.push('<table>', `<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`, '<tbody>')
      for (const a of s.afspraken) {
        const children = a.item.children.length > 0 ? items(a.item.children, v) : ''
        const cells = [`${text(markedText(a.item))}${votes(a.item, v)}${children}`, text(a.wie ?? ''), escapeHtml(wanneerText(a, lang)), text(a.waar ?? '')]
        out.push(`<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`)
      }
      out.push('</tbody></table>')
      if (s.notesAfter) out.push(items(s.notesAfter, v))
      break
    }
  }
  out.push('</section>')
  return out.join('\n')
}

/** Only same-origin paths and embedded PNG/JPEG/SVG pictures are referenced. */
function safePictureUrl(url: string): string | undefined {
  if (/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(url)) return url
  if (/^\/[^/\\]/.test(url) && !/[\s"'<>]/.test(url)) return url
  return undefined
}

export function renderHtml(model: Verslag): string {
  // L10: no character the format cannot hold (shared/safeText.ts).
  const v = printable(safeDeep(model))
  const L = VERSLAG_LABELS[v.language]
  const body: string[] = [`<h1>${escapeHtml(v.heading)}</h1>`]
  const header = headerLines(v)
  if (header.length > 0) {
    body.push(
      '<dl class="header">',
      ...header.map((l) => `<dt>${escapeHtml(l.label)}</dt><dd>${escapeHtml(l.value)}</dd>`),
      '</dl>',
    )
  }
  for (const p of v.intro) body.push(`<p>${text(p)}</p>`)
  if (v.agenda.length > 0) {
    // A numbered agenda keeps its numbers as written (SPEC V20).
    const numbered = v.agenda.every((a) => agendaMarker(a))
    const li = (a: string) => {
      const m = agendaMarker(a)
      return numbered && m ? `<li><span class="marker">${escapeHtml(m.marker)}</span> ${escapeHtml(m.text)}</li>` : `<li>${escapeHtml(a)}</li>`
    }
    body.push(`<h2>${escapeHtml(L.agenda)}</h2>`, numbered ? `<ol class="written">${v.agenda.map(li).join('')}</ol>` : `<ul>${v.agenda.map(li).join('')}</ul>`)
  }
  const pictureUrl = v.boardPicture ? safePictureUrl(v.boardPicture.url) : undefined
  if (v.boardPicture && pictureUrl) {
    const alt = v.boardPicture.alt || L.boardPicture
    body.push(`<figure><img src="${escapeHtml(pictureUrl)}" alt="${escapeHtml(alt)}"><figcaption>${escapeHtml(alt)}</figcaption></figure>`)
  }
  for (const s of v.sections) body.push(section(s, v))
  const stemmen = stemmenTable(v)
  if (stemmen.rows.length > 0) {
    // The ranked votes (SPEC V26).
    body.push(
      '<section class="stemmen">',
      `<h2>${escapeHtml(L.stemmen)}</h2>`,
      '<table>',
      `<thead><tr>${stemmen.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
      '<tbody>',
      ...stemmen.rows.map((r) => `<tr>${r.map((c) => `<td>${text(c)}</td>`).join('')}</tr>`),
      '</tbody></table>',
      '</section>',
    )
  }
  const footer = footerLines(v)
  if (footer.length > 0) body.push('<footer>', ...footer.map((l) => `<p>${escapeHtml(l.label)}: ${escapeHtml(l.value)}</p>`), '</footer>')
  return [
    '<!DOCTYPE html>',
    `<html lang="${v.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(v.heading)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
