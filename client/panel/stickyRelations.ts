/**
 * The links of one sticky as the verslag reads them (SPEC V6): an arrow's
 * direction does not matter, the tags of its two ends do. Pure, so the side
 * panel and its tests share it.
 */
import type { DomainBoard } from '../../shared/boardModel'
import type { DomainSticky } from '../../shared/sticky'
import type { Tag } from '../../shared/tags'

/** How the other end relates to the selected sticky. */
export type Relation =
  /** selected conclusie rests on it */
  | 'restsOn'
  /** selected conclusie asks for this regelruimte */
  | 'asksFor'
  /** selected regelruimte follows from this conclusie */
  | 'followsFrom'
  /** selected regelruimte rests directly on it */
  | 'directlyOn'
  /** selected factor supports this conclusie */
  | 'supportsConclusie'
  /** selected factor supports this regelruimte directly */
  | 'supportsRegelruimte'

export interface LinkedSticky {
  arrowId: string
  sticky: DomainSticky
}

const isFactorLike = (tag: Tag) => tag !== 'conclusie' && tag !== 'regelruimte'

/** The relation groups a sticky with `tag` shows, in order. */
export function relationsFor(tag: Tag): Relation[] {
  if (tag === 'conclusie') return ['restsOn', 'asksFor']
  if (tag === 'regelruimte') return ['followsFrom', 'directlyOn']
  return ['supportsConclusie', 'supportsRegelruimte']
}

/** Whether a sticky with tag `other` belongs in `relation` of the selected one. */
export function fits(relation: Relation, other: Tag): boolean {
  switch (relation) {
    case 'restsOn':
    case 'directlyOn':
      return isFactorLike(other)
    case 'asksFor':
    case 'supportsRegelruimte':
      return other === 'regelruimte'
    case 'followsFrom':
    case 'supportsConclusie':
      return other === 'conclusie'
  }
}

/** Linked stickies of `selectedId`, per relation. */
export function linkedStickies(board: DomainBoard, selectedId: string): Map<Relation, LinkedSticky[]> {
  const byId = new Map(board.stickies.map((s) => [s.id, s]))
  const selected = byId.get(selectedId)
  const result = new Map<Relation, LinkedSticky[]>()
  if (!selected) return result
  const relations = relationsFor(selected.tag)
  for (const link of board.links) {
    const otherId = link.fromId === selectedId ? link.toId : link.toId === selectedId ? link.fromId : null
    const other = otherId ? byId.get(otherId) : undefined
    if (!other || other.id === selectedId) continue
    const relation = relations.find((r) => fits(r, other.tag))
    if (!relation) continue
    const list = result.get(relation) ?? []
    if (!list.some((l) => l.sticky.id === other.id)) list.push({ arrowId: link.arrowId, sticky: other })
    result.set(relation, list)
  }
  return result
}

/** Stickies that could be linked in `relation` and are not linked yet. */
export function candidates(board: DomainBoard, selectedId: string, relation: Relation, linked: readonly LinkedSticky[]): DomainSticky[] {
  const taken = new Set(linked.map((l) => l.sticky.id))
  return board.stickies.filter((s) => s.id !== selectedId && !taken.has(s.id) && fits(relation, s.tag))
}

/** Arrow direction as the verslag's wording has it: factor → conclusie → regelruimte. */
export function arrowEnds(relation: Relation, selectedId: string, otherId: string): { fromId: string; toId: string } {
  switch (relation) {
    case 'restsOn':
    case 'directlyOn':
    case 'followsFrom':
      return { fromId: otherId, toId: selectedId }
    case 'asksFor':
    case 'supportsConclusie':
    case 'supportsRegelruimte':
      return { fromId: selectedId, toId: otherId }
  }
}
