/**
 * The libraries behind the export and import formats (docx, mammoth, pdfmake) load
 * on first use, not at start (SPEC X14): most servers never render a
 * .docx, and each of them costs megabytes of memory and start time. The
 * routes call these wrappers; the real modules are imported dynamically.
 */
import type { ParsedVerslag } from './import/parsedVerslag'
import type { Verslag } from '../../shared/verslag/schema'
import type { RenderDocxOptions } from './render/renderDocx'
import type { RenderPdfOptions } from './render/renderPdf'

export async function renderDocx(v: Verslag, options: RenderDocxOptions = {}): Promise<Buffer> {
  return (await import('./render/renderDocx')).renderDocx(v, options)
}

/** The PDF verslag (SPEC V25): pdfmake and its fonts load on the first PDF asked for. */
export async function renderPdf(v: Verslag, options: RenderPdfOptions = {}): Promise<Buffer> {
  return (await import('./render/renderPdf')).renderPdf(v, options)
}

export { UnreadableDocxError } from './import/UnreadableDocxError'

/** Throws UnreadableDocxError for a body that is no Word file mammoth can read. */
export async function parseVerslagDocx(buffer: Buffer): Promise<ParsedVerslag> {
  return (await import('./import/parseVerslagDocx')).parseVerslagDocx(buffer)
}
