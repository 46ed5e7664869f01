import type { MeResponse } from '../../shared/access'
import type { StickyMeta } from '../../shared/sticky'
import { boardRoleOf, mayWrite, writerIdOf, type BoardRole } from '../../shared/writeRules'

/**
 * What the UI offers; the server decides regardless (SPEC P6, P8, W1–W17).
 * A null `me` means the server has no access layer: everything is open.
 */
export function canEditBoard(me: MeResponse | null): boolean {
  return !(me?.kind === 'participant' && me.role === 'waarnemer') && me?.kind !== 'anonymous'
}

/** session:update, verslag:read/export/vaststellen: secretariaat and coördinator (P8). */
export function canEditVerslag(me: MeResponse | null): boolean {
  if (me === null || me.kind === 'admin') return true
  if (me.kind === 'user') return me.role === 'coordinator' || me.role === 'secretariaat'
  if (me.kind === 'participant') return me.role === 'secretariaat'
  return false
}

/** actielijst:read/update (A1, A10): accounts of the themagroep and the admin; an invited participant has no actielijst. */
export function canFollowActielijst(me: MeResponse | null): boolean {
  return me === null || me.kind === 'admin' || me.kind === 'user'
}

/** Who writes, as the write rules see it (shared/writeRules.ts): everything open for null/admin, nothing for a waarnemer. */
export type BoardWriter = { role: BoardRole; id: string } | 'everything' | 'nothing'

export function boardWriterOf(me: MeResponse | null): BoardWriter {
  if (me === null || me.kind === 'admin') return 'everything'
  if (me.kind === 'anonymous') return 'nothing'
  const role = me.kind === 'user' ? me.role : boardRoleOf(me.role)
  return role ? { role, id: writerIdOf(me) } : 'nothing'
}

export interface StickyRights {
  /** Text, tag, colour, fields (W5). */
  edit: boolean
  /** W6 */
  delete: boolean
  /** The status of a regelruimte request (W7). */
  setStatus: boolean
  /** Drawing or removing arrows (W11). */
  link: boolean
}

/** What `writer` may do to a sticky with this meta (W5–W7, W11). */
export function stickyRights(writer: BoardWriter, meta: Pick<StickyMeta, 'author'> | undefined): StickyRights {
  if (writer === 'everything') return { edit: true, delete: true, setStatus: true, link: true }
  if (writer === 'nothing') return { edit: false, delete: false, setStatus: false, link: false }
  const own = meta?.author?.id === writer.id
  return {
    edit: mayWrite(writer.role, 'editSticky', own),
    delete: mayWrite(writer.role, 'deleteSticky', own),
    setStatus: mayWrite(writer.role, 'setStatus', own),
    link: mayWrite(writer.role, 'links', own),
  }
}

/** Whether `writer` may create shapes of this tldraw type (W3, W10–W12). */
export function mayCreateShape(writer: BoardWriter, type: string): boolean {
  if (writer === 'everything') return true
  if (writer === 'nothing') return false
  const subject = type === 'note' ? 'createSticky' : type === 'frame' ? 'sheets' : type === 'arrow' ? 'links' : 'otherShapes'
  return mayWrite(writer.role, subject, true)
}
