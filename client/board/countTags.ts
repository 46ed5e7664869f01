import { TAGS, tagOf, type Tag } from '../../shared/tags'

/** Number of stickies per tag (every tag present, zero when unused). */
export function countTags(notes: Iterable<{ meta: unknown }>): Record<Tag, number> {
  const counts = Object.fromEntries(TAGS.map((tag) => [tag, 0])) as Record<Tag, number>
  for (const note of notes) counts[tagOf(note.meta)]++
  return counts
}
