/**
 * A version's content (H2): the board's records and the session map as
 * JSON, gzip-compressed. Taken synchronously from the live doc, so that a
 * version taken "before" an update holds exactly the board before it.
 */
import { gunzipSync, gzipSync } from 'node:zlib'
import type * as Y from 'yjs'
import { readBoard } from '../../shared/boardModel'
import { historyContentSchema, type BoardCounts, type HistoryContent } from '../../shared/history'
import { allRecords, Y_SESSION } from '../../shared/ydoc'

export function contentOf(doc: Y.Doc): HistoryContent {
  return {
    // Sorted by id: the same board gives the same content, whatever the entry order.
    records: allRecords(doc)
      .map((record): HistoryContent['records'][number] => ({ ...structuredClone(record) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    session: doc.getMap(Y_SESSION).toJSON() as Record<string, unknown>,
  }
}

export function countsOf(content: HistoryContent): BoardCounts {
  const board = readBoard(content.records)
  return { stickies: board.stickies.length, sheets: board.sheets.length, links: board.links.length }
}

export function encodeContent(content: HistoryContent): Uint8Array {
  return new Uint8Array(gzipSync(JSON.stringify(content)))
}

/** The stored content; throws when it does not decode (a damaged row). */
export function decodeContent(bytes: Uint8Array): HistoryContent {
  return historyContentSchema.parse(JSON.parse(gunzipSync(bytes).toString('utf8')))
}
