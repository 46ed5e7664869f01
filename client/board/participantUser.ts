import { createUserId, UserRecordType, type TLUser } from 'tldraw'
import type { Author } from '../../shared/sticky'
import { presenceColor, type Participant } from '../identity/participant'

/** The participant as tldraw's user: `user:<participant id>`, one record per real person. */
export function participantUser(participant: Participant): TLUser {
  return UserRecordType.create({
    id: createUserId(participant.id),
    name: participant.name,
    color: presenceColor(participant.id),
  })
}

export function participantAuthor(participant: Participant): Author {
  return { id: participant.id, name: participant.name, organisation: participant.organisation }
}
