/** L11: bounds of an import, checked before and while parsing (in the import worker). */
export interface ImportLimits {
  /** Bytes a .docx may expand to (declared in its zip). */
  maxDocxExpandedBytes: number
  /** Lines of a text body. */
  maxLines: number
  /** Paragraphs, headings and bullets after parsing. */
  maxBlocks: number
  /** Stickies the new board would get (below the records per board, L3). */
  maxStickies: number
  /** Heap of the import worker, in MiB: a parse beyond it ends the worker, not the server. */
  workerHeapMb: number
  /** Time an import may take. */
  timeoutMs: number
  /** Imports parsed at once; more get 503. */
  concurrent: number
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxDocxExpandedBytes: 50 * 1024 * 1024,
  maxLines: 50_000,
  maxBlocks: 20_000,
  maxStickies: 4_000,
  workerHeapMb: 512,
  timeoutMs: 30_000,
  concurrent: 2,
}
