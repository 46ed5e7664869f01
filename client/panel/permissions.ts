import type { MeResponse } from '../../shared/access'

/**
 * What the UI offers; the server decides regardless (SPEC P6, P8). A null
 * `me` means the server has no access layer: everything is open.
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
