import { useCallback, useSyncExternalStore } from 'react'
import { newParticipantId, participantSchema, type Participant } from './participant'

const STORAGE_KEY = 'brownpaper.participant'
const CHANGE_EVENT = 'brownpaper:participant'

function read(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange)
  window.addEventListener('storage', onChange)
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange)
    window.removeEventListener('storage', onChange)
  }
}

let cache: { raw: string | null; value: Participant | null } = { raw: null, value: null }

function parse(raw: string | null): Participant | null {
  if (raw === cache.raw) return cache.value
  let value: Participant | null = null
  try {
    const parsed = participantSchema.safeParse(raw ? JSON.parse(raw) : null)
    value = parsed.success ? parsed.data : null
  } catch {
    value = null
  }
  cache = { raw, value }
  return value
}

/**
 * The participant of this browser (null until they have given their name),
 * and a setter that keeps the id stable across name changes.
 */
export function useParticipant(): [Participant | null, (fields: { name: string; organisation: string }) => void] {
  const participant = useSyncExternalStore(subscribe, () => parse(read()))
  const save = useCallback(
    (fields: { name: string; organisation: string }) => {
      const next: Participant = participantSchema.parse({
        id: participant?.id ?? newParticipantId(),
        name: fields.name.trim(),
        organisation: fields.organisation.trim(),
      })
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
      } catch {
        // Private mode: fall through, the cache below still serves this page.
      }
      cache = { raw: read(), value: next }
      window.dispatchEvent(new Event(CHANGE_EVENT))
    },
    [participant],
  )
  return [participant, save]
}
