import type { Router } from 'express'
import { readBoard } from '../../../shared/boardModel'
import { allRecords, recordsOf, type StoredRecord } from '../../../shared/ydoc'
import { retagSheetBodySchema } from '../../../shared/verslag/importReport'
import { actorOf } from '../../access/authorize'
import { findSession } from '../../access/findSession'
import { HttpError, parseBody } from '../../core/http/errors'
import { ActorOrigin } from '../../core/origins'
import type { VerslagContext } from '../VerslagContext'

/**
 * POST /api/sessions/:id/sheets/:sheetId/tag { tag } → 200 { changed }: every
 * sticky on the sheet gets the tag, in one update (SPEC I20: the import
 * report's one-click fix of a section's tag). An unknown sheet is 404.
 */
export function retagSheetRoute(router: Router, ctx: VerslagContext): void {
  router.post('/sessions/:id/sheets/:sheetId/tag', ctx.authorize('session:update'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const { tag } = parseBody(retagSheetBodySchema, req)
    const sheetId = String(req.params.sheetId)
    const actor = actorOf(req, res)
    const changed = await ctx.rooms.withRoom(session.id, (room) =>
      room.transact((doc) => {
        const board = readBoard(allRecords(doc))
        if (!board.sheets.some((s) => s.id === sheetId)) throw new HttpError(404, 'sheet_not_found', 'Dit vel bestaat niet (meer) in de sessie.')
        const kv = recordsOf(doc)
        let n = 0
        for (const sticky of board.stickies) {
          if (sticky.sheetId !== sheetId || sticky.tag === tag) continue
          const record = kv.get(sticky.id)
          if (!record) continue
          const meta = record.meta && typeof record.meta === 'object' ? (record.meta as Record<string, unknown>) : {}
          kv.set(sticky.id, { ...record, meta: { ...meta, tag } } as StoredRecord)
          n++
        }
        return n
      }, new ActorOrigin(actor)),
    )
    res.json({ changed })
  })
}
