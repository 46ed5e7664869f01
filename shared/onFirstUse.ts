/**
 * A value made the first time it is asked for. For what is costly to keep
 * from the start and seldom needed: an `Intl` collator or date format pages
 * in megabytes of the ICU data built into Node (SPEC X18), which a server
 * that only relays boards never reads.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | null = null
  return () => (made ??= { value: make() }).value
}
