/**
 * tldraw stores a note's text as TipTap JSON in `props.richText`. The verslag,
 * the API and the server only need plain text: paragraphs become lines.
 */

export interface RichTextNode {
  type: string
  text?: string
  content?: RichTextNode[]
  attrs?: Record<string, unknown>
  marks?: { type: string; attrs?: Record<string, unknown> }[]
}

export interface RichTextDoc {
  type: 'doc'
  content: RichTextNode[]
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'bulletList', 'orderedList', 'blockquote', 'codeBlock'])

/** Flattens TipTap JSON to plain text: one line per paragraph, hard breaks kept. */
export function flattenRichText(richText: unknown): string {
  if (!richText || typeof richText !== 'object') return ''
  const lines: string[] = []
  let current = ''
  // The JSON comes from any client of the board: skip what is not a node, and
  // stop at a depth no editor produces (a deeper one would overflow the stack).
  const walk = (node: RichTextNode, depth: number): void => {
    if (typeof node !== 'object' || node === null || depth > 100) return
    if (node.type === 'text') {
      current += typeof node.text === 'string' ? node.text : ''
      return
    }
    if (node.type === 'hardBreak') {
      current += '\n'
      return
    }
    const isBlock = BLOCK_TYPES.has(String(node.type)) && node.type !== 'bulletList' && node.type !== 'orderedList'
    for (const child of Array.isArray(node.content) ? node.content : []) walk(child, depth + 1)
    if (isBlock && node.type !== 'listItem') {
      lines.push(current)
      current = ''
    }
  }
  walk(richText as RichTextNode, 0)
  if (current) lines.push(current)
  // Trailing empty paragraphs are an editing artefact, not content.
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
  return lines.join('\n')
}

/** Plain text to TipTap JSON: one paragraph per line. */
export function toRichText(text: string): RichTextDoc {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  return {
    type: 'doc',
    content: lines.map((line) =>
      line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] },
    ),
  }
}
