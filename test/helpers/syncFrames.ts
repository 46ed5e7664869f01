/**
 * y-websocket frames for raw-socket tests, written and read with y-protocols
 * itself (not the server's encoders), so a test does not trust the code it
 * checks.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

export type Frame =
  | { kind: 'step1' | 'step2' | 'update'; payload: Uint8Array }
  | { kind: 'awareness' | 'other'; payload: Uint8Array }

/** A sync update message (type 0, sync type 2) carrying `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A sync step 1 with `doc`'s state vector. */
export function step1Frame(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

export function readFrame(data: Uint8Array): Frame {
  const decoder = decoding.createDecoder(data)
  const type = decoding.readVarUint(decoder)
  if (type === 1) return { kind: 'awareness', payload: decoding.readVarUint8Array(decoder) }
  if (type !== 0) return { kind: 'other', payload: data }
  const sub = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  const kind = sub === 0 ? 'step1' : sub === 1 ? 'step2' : 'update'
  return { kind, payload }
}

/** Whether a document frame (step 2 or update) carries structs of `clientId`. */
export function carriesClient(frame: Frame, clientId: number): boolean {
  if (frame.kind !== 'step2' && frame.kind !== 'update') return false
  return Y.decodeUpdate(frame.payload).structs.some((s) => s.id.client === clientId)
}

/** The update `change` makes to `doc`. */
export function captureUpdate(doc: Y.Doc, change: () => void): Uint8Array {
  let captured: Uint8Array | null = null
  const listener = (update: Uint8Array) => {
    captured = captured ? Y.mergeUpdates([captured, update]) : update
  }
  doc.on('update', listener)
  try {
    change()
  } finally {
    doc.off('update', listener)
  }
  if (!captured) throw new Error('the change made no update')
  return captured
}
