/** SPEC S58: only an update that holds nothing — Yjs's two zero counts — is dropped on arrival as empty. */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isEmptyUpdate } from '../../server/core/messages'

describe('isEmptyUpdate (S58)', () => {
  it('[S58] is true for the empty update of a fresh client, false for anything that holds a struct or a deletion, or is malformed', () => {
    const fresh = Y.encodeStateAsUpdate(new Y.Doc(), Y.encodeStateVector(new Y.Doc()))
    expect(Array.from(fresh)).toEqual([0, 0])
    expect(isEmptyUpdate(fresh)).toBe(true)

    const doc = new Y.Doc()
    doc.getMap('m').set('k', 'v')
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(false)
    // A deletion only: no struct (first count 0), a delete set after it.
    const before = Y.encodeStateVector(doc)
    doc.getMap('m').delete('k')
    const deleteOnly = Y.encodeStateAsUpdate(doc, before)
    expect(deleteOnly[0]).toBe(0)
    expect(isEmptyUpdate(deleteOnly)).toBe(false)

    // Malformed two-byte frames are no empty update: they go on to be refused as malformed.
    for (const bytes of [[1, 0], [0, 1], [5, 7]]) expect(isEmptyUpdate(new Uint8Array(bytes))).toBe(false)
    for (const bytes of [[], [0], [0, 0, 0]]) expect(isEmptyUpdate(new Uint8Array(bytes))).toBe(false)
  })
})
