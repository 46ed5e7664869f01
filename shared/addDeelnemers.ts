/**
 * U13: the verslag's deelnemers with the organisations of the people who
 * joined added, as the fixtures list them (organisations, no names). An
 * organisation already listed (compared trimmed, case- and
 * whitespace-insensitively) or empty is not added again; order is kept.
 */
import type { SessionParticipant } from './accounts'
import type { Deelnemer } from './session'

const key = (organisation: string) => organisation.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl')

export function addDeelnemers(deelnemers: readonly Deelnemer[], participants: readonly Pick<SessionParticipant, 'organisation'>[]): Deelnemer[] {
  const seen = new Set(deelnemers.map((d) => key(d.organisation)))
  const added: Deelnemer[] = []
  for (const { organisation } of participants) {
    const k = key(organisation)
    if (!k || seen.has(k)) continue
    seen.add(k)
    added.push({ organisation: organisation.replace(/\s+/g, ' ').trim().slice(0, 200) })
  }
  return [...deelnemers, ...added]
}
