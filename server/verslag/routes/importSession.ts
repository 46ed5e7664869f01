import express, { type Request, type Router } from 'express'
import * as Y from 'yjs'
import { writeSessionInfo } from '../../../shared/ydoc'
import { can } from '../../access/policy'
import { actorOf } from '../../access/authorize'
import { HttpError } from '../../core/http/errors'
import { storeNewSession } from '../../sessions/storeNewSession'
import { importInWorker } from '../import/importInWorker'
import { DEFAULT_IMPORT_LIMITS } from '../import/importLimits'
import type { VerslagContext } from '../VerslagContext'
import { DOCX_TYPE } from './getVerslagDocx'

const MAX_DOCX_BYTES = 10 * 1024 * 1024
const MAX_TEXT_BYTES = 2 * 1024 * 1024

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04

/**
 * Windows-1252's bytes 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ; five are unused).
 * Node's TextDecoder('windows-1252') decodes them as Latin-1 control characters, so they are mapped here.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeWindows1252(bytes: Buffer): string {
  let text = ''
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte)
  return text
}

/** UTF-8, or Windows-1252 for text saved by older Word versions; NUL bytes mean it is no text. */
function decodeText(bytes: Buffer): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    text = decodeWindows1252(bytes)
  }
  if (text.includes('\u0000')) throw new HttpError(400, 'unreadable_body', 'De tekst is onleesbaar (binary data, not text)')
  return text
}

function kindOf(req: Request, body: Buffer): 'docx' | 'text' {
  const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === DOCX_TYPE || isZip(body)) return 'docx'
  if (type === '' || type.startsWith('text/')) return 'text'
  throw new HttpError(415, 'unsupported_media_type', `Stuur de tekst als text/plain of een Word-bestand als ${DOCX_TYPE} (got ${type})`)
}

/**
 * POST /api/sessions/import → 201 { id, …summary } (SPEC I1–I12). The body is
 * a verslag as `text/plain` or a .docx (raw body). The new session is stored
 * and indexed exactly as POST /api/sessions does (storeNewSession).
 */
export function importSessionRoute(router: Router, ctx: VerslagContext): void {
  router.post(
    '/sessions/import',
    ctx.authorize('session:import'),
    express.raw({ type: () => true, limit: MAX_DOCX_BYTES }),
    async (req, res) => {
      const body: unknown = req.body
      if (!Buffer.isBuffer(body)) {
        throw new HttpError(415, 'unsupported_media_type', `Stuur de tekst als text/plain of een Word-bestand als ${DOCX_TYPE}`)
      }
      if (body.length === 0) throw new HttpError(400, 'empty_body', 'Er is geen verslag meegestuurd (empty body)')
      const kind = kindOf(req, body)
      if (kind === 'text' && body.length > MAX_TEXT_BYTES) throw new HttpError(413, 'body_too_large', 'De tekst is te groot (request body too large)')
      const actor = actorOf(req, res)
      const queryThemagroep = typeof req.query.themagroep === 'string' ? req.query.themagroep.trim().slice(0, 300) : ''
      const fallback = queryThemagroep || (actor.kind === 'user' ? actor.themagroepen[0] : undefined)
      // L11: parsed in a worker thread, bounded in bytes, lines, paragraphs and stickies.
      const imported = await importInWorker({
        kind,
        body: kind === 'docx' ? body : decodeText(body),
        options: { ...(fallback ? { fallbackThemagroep: fallback } : {}), ...(queryThemagroep ? { themagroep: queryThemagroep } : {}) },
        limits: DEFAULT_IMPORT_LIMITS,
      })
      const info = queryThemagroep ? { ...imported.info, themagroep: queryThemagroep } : imported.info
      // The policy sees the themagroep only now that the verslag is read (P9).
      const decision = can(actor, 'session:import', {
        themagroep: info.themagroep,
        themagroepExists: await ctx.access.stores.themagroepen.exists(info.themagroep),
      })
      if (!decision.allow) throw new HttpError(decision.status, decision.status === 401 ? 'unauthorized' : 'forbidden', `${decision.reason} [${decision.rule}]`)

      const update = imported.update
      const summary = await storeNewSession(
        ctx,
        actor,
        info,
        (doc) => {
          Y.applyUpdate(doc, update)
          if (info !== imported.info) writeSessionInfo(doc, { themagroep: info.themagroep })
        },
        'session.import',
      )
      res.status(201).json({ ...summary, stickyCount: imported.stickyCount, report: imported.report })
    },
  )
}
