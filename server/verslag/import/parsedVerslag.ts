/**
 * The neutral structure both import parsers (plain text, .docx) produce and
 * importVerslag reads: a flat list of blocks in document order.
 */

export type ParsedBlock =
  | { kind: 'heading'; text: string; /** 1 = top; absent when the source has no levels. */ level?: number }
  | { kind: 'paragraph'; text: string }
  | {
      kind: 'bullet'
      text: string
      /** 0 = top level. */
      depth: number
      /** The number or letter as written ("1.", "a)", "6. a."); absent for a bullet (SPEC I15). */
      marker?: string
      /** Fields read from a known table or detail line of our own export (SPEC I13). */
      fields?: BlockFields
    }

export type BlockFields = Partial<
  Record<'wie' | 'wanneer' | 'waar' | 'regeling' | 'gevraagdeRuimte' | 'adressaat' | 'indiener' | 'status', string>
>

export interface ParsedVerslag {
  blocks: ParsedBlock[]
  /** How the text was laid out (SPEC I16): for the import report. */
  shape?: 'paragraphs' | 'lines' | 'wrapped' | 'docx'
  /** Page headers, footers and page numbers left out (SPEC I18). */
  dropped?: string[]
}

export interface ParsedSection {
  heading: Extract<ParsedBlock, { kind: 'heading' }> | null
  blocks: Exclude<ParsedBlock, { kind: 'heading' }>[]
}

/** Groups blocks under their headings; blocks before the first heading form a section without one. */
export function toSections(parsed: ParsedVerslag): ParsedSection[] {
  const sections: ParsedSection[] = [{ heading: null, blocks: [] }]
  for (const block of parsed.blocks) {
    if (block.kind === 'heading') sections.push({ heading: block, blocks: [] })
    else sections[sections.length - 1]!.blocks.push(block)
  }
  return sections[0]!.blocks.length === 0 && sections.length > 1 ? sections.slice(1) : sections
}
