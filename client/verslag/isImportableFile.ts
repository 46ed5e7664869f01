/** The files the import reads: plain text and Word (.docx); not .doc, PDF or images. */
export const IMPORTABLE_EXTENSIONS = ['.txt', '.text', '.md', '.docx'] as const

export function isImportableFile(name: string): boolean {
  const lower = name.trim().toLowerCase()
  return IMPORTABLE_EXTENSIONS.some((ext) => lower.endsWith(ext))
}
