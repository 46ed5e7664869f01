/**
 * Handlers of incoming y-websocket frames, one per message type. A handler
 * throws on a malformed frame; the connection then closes (only itself).
 */
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes'
import { ownAwarenessEntries } from '../access/ownAwarenessEntries'
import { rootsOfUpdate } from '../access/rootsOfUpdate'
import type { Grant } from '../auth/types'
import { encodeAwarenessMessage, encodeSyncStep2 } from './encode'
import { insertsMalformedRecordEntry } from './malformedRecordEntries'
import { MessageType } from './messageType'
import type { Room, RoomConnection } from './Room'

/** The connection as the handlers see it. */
export interface MessageSender extends RoomConnection {
  readonly readOnly: boolean
  readonly grant: Grant
  /** Called when a read-only connection sends a document update. */
  refused(): void
}

export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError'
}

/** Whether an update touches a protected root (null: some part could not be placed, so it might). */
function touchesAny(roots: Set<string> | null, protectedRoots: readonly string[]): boolean {
  return roots === null || [...roots].some((root) => protectedRoots.includes(root))
}

type Handler = (decoder: decoding.Decoder, room: Room, conn: MessageSender) => void

function handleSync(decoder: decoding.Decoder, room: Room, conn: MessageSender): void {
  const syncType = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1: {
      Y.decodeStateVector(payload) // validate now, answer once pending updates are stored
      void room.afterStored(() => conn.send(encodeSyncStep2(room.doc, payload)))
      return
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      if (conn.readOnly) {
        conn.refused()
        return
      }
      // Decode the whole update first: a truncated or garbled one throws here
      // and nothing of it is applied (P15), instead of half of it.
      const decoded = Y.decodeUpdate(payload)
      // A malformed board record would break every reader of the room for good (P15).
      if (insertsMalformedRecordEntry(room.doc, decoded)) throw new MalformedMessageError('update inserts a malformed board record')
      if (conn.grant.protectedRoots && touchesAny(rootsOfUpdate(room.doc, decoded), conn.grant.protectedRoots)) {
        // Refused whole and said so: a later update of this client would depend on it (P8).
        conn.close(CloseCode.Forbidden, 'Forbidden')
        return
      }
      room.applyUpdate(payload, decoded, conn)
      return
    }
    default:
      throw new MalformedMessageError(`unknown sync message type ${syncType}`)
  }
}

function handleAwareness(decoder: decoding.Decoder, room: Room, conn: MessageSender): void {
  const update = ownAwarenessEntries(decoding.readVarUint8Array(decoder), (id) => room.isForeignAwareness(id, conn))
  awarenessProtocol.applyAwarenessUpdate(room.awareness, update, conn)
}

function handleQueryAwareness(_decoder: decoding.Decoder, room: Room, conn: MessageSender): void {
  conn.send(encodeAwarenessMessage(room.awareness, [...room.awareness.getStates().keys()]))
}

/** Auth messages are server → client only; a client's is ignored. */
function handleAuth(): void {}

export const messageHandlers: Readonly<Record<number, Handler>> = {
  [MessageType.Sync]: handleSync,
  [MessageType.Awareness]: handleAwareness,
  [MessageType.Auth]: handleAuth,
  [MessageType.QueryAwareness]: handleQueryAwareness,
}

/** Decodes one frame and runs its handler; throws on anything malformed. */
export function handleMessage(data: Uint8Array, room: Room, conn: MessageSender): void {
  const decoder = decoding.createDecoder(data)
  const type = decoding.readVarUint(decoder)
  const handler = messageHandlers[type]
  if (!handler) throw new MalformedMessageError(`unknown message type ${type}`)
  handler(decoder, room, conn)
}
