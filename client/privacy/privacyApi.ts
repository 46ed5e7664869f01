/** The privacy routes (SPEC G1–G6) for the privacy page. */
import { z } from 'zod'
import { apiFetch } from '../api/apiFetch'

const placeSchema = z.object({ place: z.string(), sessionId: z.string().nullable(), count: z.number() })
export type Place = z.infer<typeof placeSchema>

export interface Person {
  name: string
  organisation: string
}

export async function searchPerson(person: Person): Promise<Place[]> {
  return (await apiFetch('/api/privacy/search', z.object({ places: z.array(placeSchema) }), { method: 'POST', body: JSON.stringify(person) })).places
}

export function erasePerson(person: Person): Promise<{ pseudonym: string; places: Place[] }> {
  return apiFetch('/api/privacy/erase', z.object({ pseudonym: z.string(), places: z.array(placeSchema) }), { method: 'POST', body: JSON.stringify(person) })
}

/** Downloads everything stored about the person as persoonsgegevens.json (G5). */
export async function exportPerson(person: Person): Promise<void> {
  const data: unknown = await apiFetch('/api/privacy/export', z.unknown(), { method: 'POST', body: JSON.stringify(person) })
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = 'persoonsgegevens.json'
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
