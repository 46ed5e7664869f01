/**
 * Handlers of incoming y-websocket frames, one per message type. A handler
 * throws on a malformed frame; the connection then closes (only itself).
 */
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { ownAwarenessEntries } from '../access/ownAwarenessEntries'
import type { Grant } from '../auth/types'
import { filterUpdate, type WriteRefusal } from '../integrity/filterUpdate'
import type { BoardLimits } from '../integrity/limits'
import { isAcceptablePresenceState } from '../integrity/presenceState'
import { encodeAwarenessMessage, encodeSyncStep2 } from './encode'
import { insertsMalformedRecordEntry } from './malformedRecordEntries'
import { MessageType } from './messageType'
import type { Room, RoomConnection } from './Room'

/** The connection as the handlers see it. */
export interface MessageSender extends RoomConnection {
  readonly readOnly: boolean
  readonly grant: Grant
  /** The limits of the board (L1–L5). */
  readonly limits: BoardLimits
  /** Called when a read-only connection sends a document update. */
  refused(): void
  /** Called when the write filter refuses an update (W1): logs, audits and closes. */
  writeRefused(refusal: WriteRefusal): void
}

export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError'
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
      // The write rules and limits, record by record; refused whole (W1).
      const refusal = filterUpdate({ doc: room.doc, docBytes: room.storedBytes, decoded, updateBytes: payload.byteLength, actor: conn.grant.actor, limits: conn.limits })
      if (refusal) {
        conn.writeRefused(refusal)
        return
      }
      Y.applyUpdate(room.doc, payload, conn)
      return
    }
    default:
      throw new MalformedMessageError(`unknown sync message type ${syncType}`)
  }
}

function handleAwareness(decoder: decoding.Decoder, room: Room, conn: MessageSender): void {
  const update = ownAwarenessEntries(decoding.readVarUint8Array(decoder), (id) => room.isForeignAwareness(id, conn), isAcceptablePresenceState)
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
