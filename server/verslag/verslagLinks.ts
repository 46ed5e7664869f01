/**
 * Reads the board's arrows as verslag links (SPEC V6): what a conclusie
 * rests on, which regelruimte it asks for, and what is linked straight to a
 * regelruimte request. An arrow drawn the "wrong" way round counts too.
 */
import type { DomainLink } from '../../shared/boardModel'
import type { DomainSticky } from '../../shared/sticky'

export interface VerslagLinks {
  /** conclusie id → ids of the stickies it rests on. */
  restsOn: Map<string, string[]>
  /** conclusie id → ids of the regelruimte stickies it asks for. */
  asksFor: Map<string, string[]>
  /** regelruimte id → ids of the conclusies it follows from. */
  followsFrom: Map<string, string[]>
  /** regelruimte id → ids of other stickies linked straight to it. */
  directlyOn: Map<string, string[]>
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key)
  if (!list) map.set(key, [value])
  else if (!list.includes(value)) list.push(value)
}

/** Links in the board's reading order of their target stickies, stable for equal input. */
export function verslagLinks(stickies: readonly DomainSticky[], links: readonly DomainLink[]): VerslagLinks {
  const byId = new Map(stickies.map((s) => [s.id, s]))
  const order = new Map(stickies.map((s, i) => [s.id, i]))
  const result: VerslagLinks = { restsOn: new Map(), asksFor: new Map(), followsFrom: new Map(), directlyOn: new Map() }
  for (const link of links) {
    const a = byId.get(link.fromId)
    const b = byId.get(link.toId)
    if (!a || !b) continue
    if (a.tag === 'conclusie' && b.tag === 'regelruimte') {
      push(result.asksFor, a.id, b.id)
      push(result.followsFrom, b.id, a.id)
    } else if (a.tag === 'regelruimte' && b.tag === 'conclusie') {
      push(result.asksFor, b.id, a.id)
      push(result.followsFrom, a.id, b.id)
    } else if (b.tag === 'conclusie' && a.tag !== 'regelruimte') {
      push(result.restsOn, b.id, a.id)
    } else if (a.tag === 'conclusie' && b.tag !== 'regelruimte') {
      push(result.restsOn, a.id, b.id)
    } else if (b.tag === 'regelruimte' && a.tag !== 'regelruimte') {
      push(result.directlyOn, b.id, a.id)
    } else if (a.tag === 'regelruimte' && b.tag !== 'regelruimte') {
      push(result.directlyOn, a.id, b.id)
    }
  }
  const byReading = (x: string, y: string) => (order.get(x) ?? 0) - (order.get(y) ?? 0)
  for (const map of [result.restsOn, result.asksFor, result.followsFrom, result.directlyOn]) {
    for (const list of map.values()) list.sort(byReading)
  }
  return result
}
