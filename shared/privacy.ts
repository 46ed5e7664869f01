/** Bodies of the privacy routes (SPEC G1–G9). */
import { z } from 'zod'

/** Who to find, erase or export: a name, an organisation, or both (at least one). */
export const personQuerySchema = z
  .object({
    name: z.string().trim().max(200).default(''),
    organisation: z.string().trim().max(200).default(''),
  })
  .refine((q) => q.name.length >= 3 || q.organisation.length >= 3, {
    message: 'Geef een naam of organisatie van minstens drie tekens (name or organisation of at least 3 characters required)',
  })
export type PersonQuery = z.infer<typeof personQuerySchema>

/** One place where a person was found or changed. */
export interface PrivacyPlace {
  /** e.g. 'board', 'audit', 'participants', 'verslag_versions', 'history_versions'. */
  place: string
  sessionId: string | null
  count: number
}

export interface PrivacySearchResponse {
  places: PrivacyPlace[]
}

export interface PrivacyEraseResponse {
  pseudonym: string
  places: PrivacyPlace[]
}
