/**
 * The document a fresh session of ours starts with (its info and the default
 * sheets of a brownpapersessie, as POST /api/sessions writes them), as one
 * Yjs update. The bench gives the reference's and Hocuspocus's rooms the same
 * content before measuring, so that every server's clients sync the same
 * document: an empty room against a seeded one measures the content, not the
 * server.
 */
import * as Y from 'yjs'
import { DEFAULT_SHEETS, sessionInfoSchema } from '../shared/session'
import { seedBoard, writeSessionInfo } from '../shared/ydoc'

export function sessionSeed(title = 'Bench 0'): Uint8Array {
  const doc = new Y.Doc()
  const info = sessionInfoSchema.parse({ title, themagroep: 'Bench', type: 'brownpapersessie' })
  writeSessionInfo(doc, info)
  seedBoard(doc, DEFAULT_SHEETS[info.type])
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
