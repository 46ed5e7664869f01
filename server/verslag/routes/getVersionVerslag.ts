import type { RequestHandler, Router } from 'express'
import { attachment } from '../loadVerslag'
import { renderDocx, renderPdf } from '../lazyFormats'
import { renderHtml } from '../render/renderHtml'
import { renderJson } from '../render/renderJson'
import { renderMarkdown } from '../render/renderMarkdown'
import { loadFrozenVerslag, versionNotFound } from '../versions/loadFrozenVerslag'
import type { VerslagContext } from '../VerslagContext'
import { DOCX_TYPE } from './getVerslagDocx'

const FORMATS = ['md', 'html', 'docx', 'pdf', 'json'] as const
type Format = (typeof FORMATS)[number]
const isFormat = (value: unknown): value is Format => (FORMATS as readonly unknown[]).includes(value)

/**
 * GET /api/sessions/:id/versions/:n/verslag.{md,html,docx,pdf,json} → a
 * vastgestelde versie, rendered from the model frozen with it (SPEC V15),
 * with the same headers as the live verslag (V14).
 */
export function getVersionVerslagRoute(router: Router, ctx: VerslagContext): void {
  const authorizeFormat: RequestHandler = (req, res, next) => {
    if (!isFormat(req.params.format)) throw versionNotFound(`${String(req.params.n)}/verslag.${String(req.params.format)}`)
    return ctx.authorize(req.params.format === 'json' ? 'verslag:read' : 'verslag:export')(req, res, next)
  }
  router.get('/sessions/:id/versions/:n/verslag.:format', authorizeFormat, async (req, res) => {
    const { version, verslag } = await loadFrozenVerslag(ctx, req)
    const prefix = `v${version.versie} `
    switch (req.params.format as Format) {
      case 'md':
        res.type('text/markdown; charset=utf-8').set('Content-Disposition', attachment(verslag, 'md', prefix)).send(renderMarkdown(verslag))
        return
      case 'html':
        res
          .type('text/html; charset=utf-8')
          .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:")
          .send(renderHtml(verslag))
        return
      case 'docx': {
        const png = version.picture?.contentType === 'image/png' && verslag.boardPicture ? version.picture.data : undefined
        const buffer = await renderDocx(verslag, png ? { boardPicturePng: png } : {})
        res.type(DOCX_TYPE).set('Content-Disposition', attachment(verslag, 'docx', prefix)).send(buffer)
        return
      }
      case 'pdf': {
        const png = version.picture?.contentType === 'image/png' && verslag.boardPicture ? version.picture.data : undefined
        const buffer = await renderPdf(verslag, png ? { boardPicturePng: png } : {})
        res.type('application/pdf').set('Content-Disposition', attachment(verslag, 'pdf', prefix)).send(buffer)
        return
      }
      case 'json':
        res.type('application/json; charset=utf-8').send(renderJson(verslag))
        return
    }
  })
}
