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

/** Deeper than any editor nests; deeper nodes are skipped (L5). */
const MAX_FLATTEN_DEPTH = 100
/** Nodes visited at most; a sticky within the limits has far fewer (L5). */
const MAX_FLATTEN_NODES = 200_000

/**
 * Flattens TipTap JSON to plain text: one line per paragraph, hard breaks kept.
 * The JSON comes from any client of the board: what is not a node is skipped,
 * and the walk is iterative and bounded (depth and node count), so no input
 * overflows the stack or runs without end (L7).
 */
export function flattenRichText(richText: unknown): string {
  if (!richText || typeof richText !== 'object') return ''
  const lines: string[] = []
  let current = ''
  // Work items: a node to visit, or the end of a block (flush its line).
  type Work = { node: unknown; depth: number } | { endBlock: true }
  const stack: Work[] = [{ node: richText, depth: 0 }]
  let visited = 0
  while (stack.length > 0) {
    const work = stack.pop()!
    if ('endBlock' in work) {
      lines.push(current)
      current = ''
      continue
    }
    const node = work.node as RichTextNode
    if (typeof node !== 'object' || node === null || work.depth > MAX_FLATTEN_DEPTH || ++visited > MAX_FLATTEN_NODES) continue
    if (node.type === 'text') {
      current += typeof node.text === 'string' ? node.text : ''
      continue
    }
    if (node.type === 'hardBreak') {
      current += '\n'
      continue
    }
    const isBlock = BLOCK_TYPES.has(String(node.type)) && node.type !== 'bulletList' && node.type !== 'orderedList'
    if (isBlock && node.type !== 'listItem') stack.push({ endBlock: true })
    const children = Array.isArray(node.content) ? node.content : []
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: work.depth + 1 })
  }
  if (current) lines.push(current)
  // Trailing empty paragraphs are an editing artefact, not content.
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
  return lines.join('\n')
}

/**
 * Whether rich text stays within the caps (L5): nesting at most `maxDepth`,
 * at most `maxChars` characters of text and of nodes. Iterative; stops at the
 * first excess, so its cost is bounded by the caps, not by the input.
 */
export function richTextWithin(richText: unknown, caps: { maxDepth: number; maxChars: number }): boolean {
  if (richText === undefined || richText === null) return true
  const stack: { node: unknown; depth: number }[] = [{ node: richText, depth: 0 }]
  let chars = 0
  let nodes = 0
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!
    if (depth > caps.maxDepth || ++nodes > caps.maxChars) return false
    if (typeof node !== 'object' || node === null) continue
    const { text, content } = node as { text?: unknown; content?: unknown }
    if (typeof text === 'string') {
      chars += text.length
      if (chars > caps.maxChars) return false
    }
    if (Array.isArray(content)) {
      if (content.length > caps.maxChars) return false
      for (const child of content) stack.push({ node: child, depth: depth + 1 })
    }
  }
  return true
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
