import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { fetchMe } from '../api/accessApi'
import { newParticipantId, participantFromMe, participantSchema, type Participant } from './participant'

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

/** Stores the participant of this browser and tells every `useParticipant`. */
export function storeParticipant(next: Participant): void {
  const value = participantSchema.parse(next)
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(value))
  } catch {
    // Private mode: the cache below still serves this page.
  }
  cache = { raw: read(), value }
  window.dispatchEvent(new Event(CHANGE_EVENT))
}

// Asked once per page load: who the server says we are.
let serverIdentity: Promise<void> | null = null
function syncWithServer(): Promise<void> {
  serverIdentity ??= fetchMe().then((me) => {
    const fromServer = participantFromMe(me, parse(read()))
    if (fromServer) storeParticipant(fromServer)
  })
  return serverIdentity
}

export interface ParticipantState {
  /** Null until known: neither the server nor this browser knows who this is. */
  participant: Participant | null
  /** False while the server is still being asked. */
  ready: boolean
  /** Sets name and organisation; the id stays the same across name changes. */
  save(fields: { name: string; organisation: string }): void
}

/**
 * The participant of this browser: the server's identity (invite or account)
 * when it has one, else the name and organisation asked on the first visit.
 */
export function useParticipant(): ParticipantState {
  const participant = useSyncExternalStore(subscribe, () => parse(read()))
  const [ready, setReady] = useState(false)
  useEffect(() => {
    let active = true
    void syncWithServer().then(() => active && setReady(true))
    return () => {
      active = false
    }
  }, [])
  const save = useCallback(
    (fields: { name: string; organisation: string }) => {
      storeParticipant({ id: participant?.id ?? newParticipantId(), name: fields.name.trim(), organisation: fields.organisation.trim() })
    },
    [participant],
  )
  return { participant, ready, save }
}
