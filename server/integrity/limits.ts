/**
 * Limits that hold (SPEC L1–L12): one place for their defaults, so that the
 * server, README and SPEC name the same numbers.
 */
export interface BoardLimits {
  /** L1: bytes of one document update from a connection. */
  maxUpdateBytes: number
  /** L2: bytes of a session document (estimated from what it stored since its last compaction). */
  maxDocBytes: number
  /** L3: records on one board (shapes, bindings, pages, users…). tldraw itself stops at 4,000 shapes per page. */
  maxRecords: number
  /** L4: bytes of one record as JSON. */
  maxRecordBytes: number
  /** L5: nesting depth of a sticky's rich text. */
  maxRichTextDepth: number
  /** L5: characters of text in one rich text (and nodes walked). */
  maxRichTextChars: number
}

export const DEFAULT_LIMITS: BoardLimits = {
  maxUpdateBytes: 2 * 1024 * 1024,
  maxDocBytes: 8 * 1024 * 1024,
  maxRecords: 5_000,
  maxRecordBytes: 128 * 1024,
  maxRichTextDepth: 32,
  maxRichTextChars: 20_000,
}
