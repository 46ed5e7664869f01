/** A body that is no Word file mammoth can read (a 400 unreadable_docx, not a 500). */
export class UnreadableDocxError extends Error {}
