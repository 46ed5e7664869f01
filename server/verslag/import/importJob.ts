/**
 * One import, as the worker runs it (L11): the body → blocks → a new board,
 * bounded at each step. Pure apart from its input; the answer is plain data
 * (the board as one Yjs update) so it can cross the thread boundary.
 */
import * as Y from 'yjs'
import type { SessionInfo } from '../../../shared/session'
import type { ImportReport } from '../../../shared/verslag/importReport'
import type { ImportLimits } from './importLimits'
import { importVerslag, type ImportOptions } from './importVerslag'
import { parseVerslagDocx, UnreadableDocxError } from './parseVerslagDocx'
import { parseVerslagText } from './parseVerslagText'
import { zipUncompressedBytes } from './zipUncompressedBytes'

export interface ImportJob {
  kind: 'docx' | 'text'
  /** The .docx bytes, or the decoded text. */
  body: Uint8Array | string
  options: ImportOptions
  limits: ImportLimits
}

export type ImportJobResult =
  | { ok: true; update: Uint8Array; info: SessionInfo; stickyCount: number; report: ImportReport }
  | { ok: false; status: 400 | 413; error: string; message: string }

const tooLarge = (error: string, message: string): ImportJobResult => ({ ok: false, status: 413, error, message })

export async function runImportJob(job: ImportJob): Promise<ImportJobResult> {
  const { limits } = job
  let parsed
  if (job.kind === 'docx') {
    const bytes = Buffer.from(job.body as Uint8Array)
    const expanded = zipUncompressedBytes(bytes)
    if (expanded === null) return { ok: false, status: 400, error: 'unreadable_docx', message: 'Het Word-bestand is onleesbaar (unreadable .docx)' }
    if (expanded > limits.maxDocxExpandedBytes) return tooLarge('import_too_large', 'Het Word-bestand is uitgepakt te groot (the .docx expands beyond the limit)')
    try {
      parsed = await parseVerslagDocx(bytes)
    } catch (error) {
      if (error instanceof UnreadableDocxError) return { ok: false, status: 400, error: 'unreadable_docx', message: 'Het Word-bestand is onleesbaar (unreadable .docx)' }
      throw error
    }
  } else {
    const text = job.body as string
    let lines = 1
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++lines > limits.maxLines) break
    if (lines > limits.maxLines) return tooLarge('import_too_large', `De tekst heeft te veel regels (more than ${limits.maxLines} lines)`)
    parsed = parseVerslagText(text)
  }
  if (parsed.blocks.length > limits.maxBlocks) {
    return tooLarge('import_too_large', `Het verslag heeft te veel alinea's (more than ${limits.maxBlocks} paragraphs)`)
  }
  if (parsed.blocks.length === 0) return { ok: false, status: 400, error: 'empty_body', message: 'Het verslag bevat geen tekst (no text found)' }
  const imported = importVerslag(parsed, job.options)
  if (imported.stickyCount > limits.maxStickies) {
    return tooLarge('import_too_large', `Het verslag zou te veel stickies geven (more than ${limits.maxStickies})`)
  }
  return { ok: true, update: Y.encodeStateAsUpdate(imported.doc), info: imported.info, stickyCount: imported.stickyCount, report: imported.report }
}
