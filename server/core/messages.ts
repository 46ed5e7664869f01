/**
 * Handlers of incoming y-websocket frames, one per message type. A handler
 * throws on a malformed frame; the connection then closes (only itself).
 */
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { encodeAwarenessMessage } from './encode'
import type { Grant } from './Grant'
import { MessageType } from './messageType'
import type { Room, RoomConnection } from './Room'

/** The connection as the handlers see it. */
export interface MessageSender extends RoomConnection {
  readonly readOnly: boolean
  readonly grant: Grant
  /** Called when a document update of this connection is refused (read-only, or an extension's filter). */
  refused(): void
}

export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError'
}

/** An update that holds no struct and deletes nothing: Yjs encodes it as two zero counts. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0
}

type Handler = (decoder: decoding.Decoder, room: Room, conn: MessageSender) => void

function handleSync(decoder: decoding.Decoder, room: Room, conn: MessageSender): void {
  const syncType = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1: {
      // S1: the reply holds what the doc has now; it leaves once all of that is stored.
      const reply = room.syncStep2(payload)
      room.whenStored(() => conn.send(reply))
      return
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      if (conn.readOnly) {
        conn.refused()
        return
      }
      // S58: an empty update (every fresh client's sync step 2) has nothing to check, apply, store or relay.
      if (isEmptyUpdate(payload)) return
      // Decode the whole update first: a truncated or garbled one throws here
      // and nothing of it is applied (P15), instead of half of it.
      const decoded = Y.decodeUpdate(payload)
      // The extensions' write rules (X4), e.g. malformed board records (P15) and protected roots (P8).
      const verdict = room.hooks.filterUpdate({ room, update: payload, decoded, grant: conn.grant })
      if (verdict === 'refuse') {
        conn.refused()
        return
      }
      if (verdict !== 'accept') {
        conn.close(verdict.close, verdict.reason)
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
  const update = room.hooks.filterAwareness({ room, update: decoding.readVarUint8Array(decoder), grant: conn.grant, connection: conn })
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
