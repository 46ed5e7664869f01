/**
 * The evidence chain of a regelruimte request as a picture (SPEC R12):
 * three columns — factoren, conclusies, the request — with an arrow from
 * each factor to the conclusie it supports and from each conclusie (and
 * each sticky linked directly) to the request. Pure layout; the register
 * page draws it as SVG (client/regelruimte/EvidenceChain.tsx).
 */

export type ChainNodeKind = 'factor' | 'conclusie' | 'verzoek'

export interface ChainNode {
  id: string
  kind: ChainNodeKind
  /** The text broken into lines that fit the box (at most MAX_LINES, the last one cut with "…"). */
  lines: string[]
  /** The whole text (for the picture's description and a tooltip). */
  text: string
  x: number
  y: number
  width: number
  height: number
}

export interface ChainEdge {
  from: string
  to: string
}

export interface ChainLayout {
  width: number
  height: number
  nodes: ChainNode[]
  edges: ChainEdge[]
}

export interface EvidenceChainInput {
  verzoek: string
  conclusies: readonly { text: string; factoren: readonly string[] }[]
  direct: readonly string[]
}

export const CHAIN_BOX_WIDTH = 200
export const CHAIN_COLUMN_GAP = 60
const LINE_HEIGHT = 16
const PADDING = 8
const ROW_GAP = 12
const MAX_CHARS = 28
const MAX_LINES = 4

/** Words into lines of at most MAX_CHARS (a longer word is cut), at most MAX_LINES. */
export function wrapText(text: string, maxChars = MAX_CHARS, maxLines = MAX_LINES): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const pieces = word.length > maxChars ? (word.match(new RegExp(`.{1,${maxChars}}`, 'gu')) ?? [word]) : [word]
    for (const piece of pieces) {
      if (line === '') line = piece
      else if (line.length + 1 + piece.length <= maxChars) line = `${line} ${piece}`
      else {
        lines.push(line)
        line = piece
      }
    }
  }
  if (line !== '') lines.push(line)
  if (lines.length <= maxLines) return lines.length > 0 ? lines : ['']
  const kept = lines.slice(0, maxLines)
  const last = kept[maxLines - 1]!
  kept[maxLines - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1) : last}…`
  return kept
}

const boxHeight = (lines: readonly string[]) => lines.length * LINE_HEIGHT + 2 * PADDING

/** Stacks boxes in a column from the top; returns the column's height. */
function stack(nodes: ChainNode[], x: number): number {
  let y = 0
  for (const node of nodes) {
    node.x = x
    node.y = y
    y += node.height + ROW_GAP
  }
  return Math.max(0, y - ROW_GAP)
}

function node(id: string, kind: ChainNodeKind, text: string): ChainNode {
  const lines = wrapText(text)
  return { id, kind, lines, text, x: 0, y: 0, width: CHAIN_BOX_WIDTH, height: boxHeight(lines) }
}

/**
 * Lays out the chain: a factor shared by two conclusies (the same text) is
 * one box with two arrows; a directly linked sticky stands with the factors
 * and points at the request. Columns are centred on the tallest.
 */
export function layoutEvidenceChain(input: EvidenceChainInput): ChainLayout {
  const factors: ChainNode[] = []
  const factorId = new Map<string, string>()
  const edges: ChainEdge[] = []
  const factorOf = (text: string): string => {
    let id = factorId.get(text)
    if (!id) {
      id = `f${factors.length}`
      factorId.set(text, id)
      factors.push(node(id, 'factor', text))
    }
    return id
  }
  const conclusies = input.conclusies.map((c, i) => node(`c${i}`, 'conclusie', c.text))
  input.conclusies.forEach((c, i) => {
    for (const f of c.factoren) {
      const from = factorOf(f)
      if (!edges.some((e) => e.from === from && e.to === `c${i}`)) edges.push({ from, to: `c${i}` })
    }
  })
  const verzoek = node('v', 'verzoek', input.verzoek)
  for (const c of conclusies) edges.push({ from: c.id, to: 'v' })
  for (const d of input.direct) {
    const from = factorOf(d)
    if (!edges.some((e) => e.from === from && e.to === 'v')) edges.push({ from, to: 'v' })
  }

  // Empty columns take no room: the request stands alone when nothing leads to it.
  const columns = [factors, conclusies, [verzoek]].filter((column) => column.length > 0)
  const heights = columns.map((column, i) => stack(column, i * (CHAIN_BOX_WIDTH + CHAIN_COLUMN_GAP)))
  const height = Math.max(...heights)
  columns.forEach((column, i) => {
    const offset = (height - heights[i]!) / 2
    for (const n of column) n.y += offset
  })
  return {
    width: columns.length * CHAIN_BOX_WIDTH + (columns.length - 1) * CHAIN_COLUMN_GAP,
    height,
    nodes: [...factors, ...conclusies, verzoek],
    edges,
  }
}
