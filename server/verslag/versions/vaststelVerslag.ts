/**
 * Vaststellen (SPEC V15): freezes the verslag as the next numbered version.
 * The document records it (session map: "vaststelling", "geplaatstOp" when
 * not set yet, "laatstGewijzigdOp" cleared) so every board and every export
 * shows it; the store keeps the built models and the current board picture.
 * One vaststelling per session at a time.
 */
import type { SessionSummary } from '../../../shared/api'
import { Y_SESSION } from '../../../shared/ydoc'
import type { VerslagVersionSummary } from '../../../shared/verslag/versions'
import { actorId, actorName, type Actor } from '../../access/Actor'
import { HttpError } from '../../core/http/errors'
import type { VerslagContext } from '../VerslagContext'
import { buildVerslag } from '../buildVerslag'
import { amsterdamDate } from './amsterdamDate'
import type { FrozenModels } from './frozenModels'

export function vaststelVerslag(ctx: VerslagContext, session: SessionSummary, actor: Actor, now = new Date()): Promise<VerslagVersionSummary> {
  // One vaststelling per session at a time, across instances too (K7): the next number is read under the lock.
  return ctx.rooms.exclusive(session.id, 'vaststellen', async () => {
    const latest = await ctx.storage.versions.latest(session.id)
    const versie = (latest?.versie ?? 0) + 1
    const vastgesteldOp = amsterdamDate(now)
    const picture = await ctx.storage.pictures.get(session.id)
    const models: FrozenModels = await ctx.rooms.withRoom(session.id, (room) => {
      room.transact((doc) => {
        const map = doc.getMap(Y_SESSION)
        map.set('vaststelling', { versie, vastgesteldOp })
        if (typeof map.get('geplaatstOp') !== 'string') map.set('geplaatstOp', vastgesteldOp)
        map.delete('laatstGewijzigdOp')
      })
      return { nl: buildVerslag(room.doc, { language: 'nl' }), en: buildVerslag(room.doc, { language: 'en' }) }
    })
    const stored = await ctx.storage.versions.add({
      sessionId: session.id,
      versie,
      vastgesteldAt: now.toISOString(),
      vastgesteldOp,
      actor: actorId(actor),
      actorName: actorName(actor),
      models: JSON.stringify(models),
      picture: models.nl.boardPicture && picture ? picture : null,
    })
    if (!stored) throw new HttpError(409, 'version_conflict', `Versie ${versie} is al vastgesteld; probeer het opnieuw (version exists)`)
    return { versie, vastgesteldAt: now.toISOString(), vastgesteldOp, actorName: actorName(actor), hasPicture: Boolean(models.nl.boardPicture && picture) }
  })
}
