import { useEffect, useState } from 'react'
import { useValue, type Editor, type TLUserId } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { useT } from '../i18n/useT'

export interface PresentPerson {
  clientId: number
  userId: string
  name: string
  organisation: string
  color: string
  self: boolean
  /** On the board with a cursor (tldraw presence); false for someone on the phone page (SPEC M6). */
  cursor: boolean
  /** On the phone page. */
  phone: boolean
}

/** Everyone on the board from the awareness states: tldraw's presence plus our `person` field (F15). */
export function readPeople(awareness: Awareness): PresentPerson[] {
  const people: PresentPerson[] = []
  awareness.getStates().forEach((state, clientId) => {
    const presence = (state as { presence?: { userId?: string; userName?: string; color?: string } | null }).presence
    const person = (state as { person?: { name?: unknown; organisation?: unknown; via?: unknown } }).person
    // Someone on the phone page has no cursor, only a person (SPEC M6).
    const phone = person?.via === 'telefoon'
    if (!presence && !(phone && typeof person?.name === 'string')) return
    people.push({
      clientId,
      userId: String(presence?.userId ?? ''),
      name: typeof person?.name === 'string' ? person.name : String(presence?.userName ?? ''),
      organisation: typeof person?.organisation === 'string' ? person.organisation : '',
      color: String(presence?.color ?? '#888'),
      self: clientId === awareness.clientID,
      cursor: Boolean(presence),
      phone,
    })
  })
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name))
}

function usePeople(awareness: Awareness | null): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([])
  useEffect(() => {
    if (!awareness) return
    const refresh = () => setPeople(readPeople(awareness))
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])
  return people
}

/**
 * "N aanwezig" that opens the list of who is here, with organisation (F15):
 * a name moves the view to that person's cursor; "Volgen" follows their
 * view until one moves the board oneself (F14).
 */
export function PresenceList({ awareness, editor }: { awareness: Awareness | null; editor: Editor | null }) {
  const t = useT()
  const people = usePeople(awareness)
  const [open, setOpen] = useState(false)
  const following = useValue('following', () => editor?.getInstanceState().followingUserId ?? null, [editor])
  const count = Math.max(1, people.length)
  return (
    <div className="bp-presence">
      <button type="button" className="bp-present" data-present={count} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('board.participants', { count })}
      </button>
      {open && (
        <ul className="bp-presence__list" aria-label={t('facil.presence.title')} data-testid="presence-list">
          {people.map((p) => (
            <li key={p.clientId} className="bp-presence__item" data-person={p.name}>
              <button
                type="button"
                className="bp-link-button"
                disabled={p.self || !editor || !p.cursor}
                title={t('facil.presence.goTo', { name: p.name })}
                onClick={() => {
                  if (!editor) return
                  editor.zoomToUser(p.userId as TLUserId)
                  setOpen(false)
                }}
              >
                <span className="bp-presence__swatch" style={{ background: p.color }} aria-hidden="true" /> {p.name}
                {p.organisation ? ` · ${p.organisation}` : ''}
                {p.self ? ` (${t('facil.presence.you')})` : ''}
                {p.phone ? ` (${t('presence.onPhone')})` : ''}
              </button>
              {!p.self && editor && p.cursor && (
                <button
                  type="button"
                  data-follow={p.name}
                  onClick={() => {
                    if (following === p.userId) editor.stopFollowingUser()
                    else editor.startFollowingUser(p.userId as TLUserId)
                    setOpen(false)
                  }}
                >
                  {following === p.userId ? t('facil.presence.unfollow') : t('facil.presence.follow')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** "Je volgt Anna. Beweeg het bord om te stoppen." while following (F14). */
export function FollowBanner({ editor, awareness }: { editor: Editor; awareness: Awareness | null }) {
  const t = useT()
  const following = useValue('following', () => editor.getInstanceState().followingUserId, [editor])
  if (!following) return null
  const name = awareness ? (readPeople(awareness).find((p) => p.userId === following)?.name ?? '') : ''
  return (
    <div className="bp-follow-banner" role="status" data-following={name}>
      {t('facil.following', { name })}
    </div>
  )
}
