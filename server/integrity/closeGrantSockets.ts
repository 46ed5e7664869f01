/**
 * W18–W20: sockets follow their grant. When a grant ends or changes — logout,
 * a revoked invite, a removed member, a changed role — the open sockets it
 * authenticated are closed with Unauthorized (4401; a browser then shows the
 * login or reconnects under its new grant). A socket is authenticated once, at
 * the upgrade, so this is the only way a change of grant reaches it.
 */
import { CloseCode } from '../../shared/closeCodes'
import type { Grant } from '../auth/types'
import type { Logger } from '../log'
import { Connection } from '../yjs/Connection'
import type { RoomManager } from '../yjs/RoomManager'

/** Closes every open socket, in any room, whose grant `pick` selects; returns how many. */
export function closeGrantSockets(rooms: RoomManager, pick: (grant: Grant) => boolean, log: Logger, why: string): number {
  let closed = 0
  for (const room of rooms.loaded()) {
    closed += room.closeWhere((conn) => conn instanceof Connection && pick(conn.grant), CloseCode.Unauthorized, 'Unauthorized')
  }
  if (closed > 0) log.info({ closed, why }, 'closed the sockets of an ended grant')
  return closed
}
