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
  /** R15: the session the sticky is in, named on the box when the chain crosses sessions. */
  session?: string
  x: number
  y: number
  width: number
  height: number
}

export interface ChainEdge {
  from: string
  to: string
  /** R15: a conclusie taken over into a later session points at its copy there. */
  kind?: 'herkomst'
}

export interface ChainLayout {
  width: number
  height: number
  nodes: ChainNode[]
  edges: ChainEdge[]
}

/** R15: one step back along a taken-over conclusie: the earlier session (as named on its boxes), the conclusie there and its factors there. */
export interface ChainHerkomstInput {
  session: string
  text: string
  factoren: readonly string[]
}

export interface EvidenceChainInput {
  verzoek: string
  /** R15: the request's own session, named on its boxes when some conclusie comes from another session. */
  session?: string
  conclusies: readonly { text: string; factoren: readonly string[]; herkomst?: readonly ChainHerkomstInput[] }[]
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

const boxHeight = (lines: readonly string[], labelled: boolean) => (lines.length + (labelled ? 1 : 0)) * LINE_HEIGHT + 2 * PADDING

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

function node(id: string, kind: ChainNodeKind, text: string, session: string | undefined): ChainNode {
  const lines = wrapText(text)
  return { id, kind, lines, text, ...(session !== undefined ? { session } : {}), x: 0, y: 0, width: CHAIN_BOX_WIDTH, height: boxHeight(lines, session !== undefined) }
}

/**
 * Lays out the chain: a factor shared by two conclusies (the same text in the
 * same session) is one box with two arrows; a directly linked sticky stands
 * with the factors and points at the request. R15: a conclusie taken over
 * from an earlier session has that session's conclusie to its left (a
 * `herkomst` arrow) with the factors behind it there further left, and so on
 * back; every box then names its session. Columns run from the causes on the
 * left to the request on the right (a box stands left of everything it
 * points at), each centred on the tallest.
 */
export function layoutEvidenceChain(input: EvidenceChainInput): ChainLayout {
  const crossing = input.conclusies.some((c) => (c.herkomst?.length ?? 0) > 0)
  const own = crossing ? input.session : undefined
  const nodes: ChainNode[] = []
  const edges: ChainEdge[] = []
  const byKey = new Map<string, string>()
  const counters = { f: 0, h: 0 }
  const addEdge = (from: string, to: string, kind?: 'herkomst') => {
    if (from !== to && !edges.some((e) => e.from === from && e.to === to)) edges.push(kind ? { from, to, kind } : { from, to })
  }
  /** One box per kind, session and text (factors, and conclusies of earlier sessions). */
  const shared = (prefix: 'f' | 'h', kind: ChainNodeKind, text: string, session: string | undefined): string => {
    const key = JSON.stringify([prefix, session ?? null, text])
    let id = byKey.get(key)
    if (!id) {
      id = `${prefix}${counters[prefix]++}`
      byKey.set(key, id)
      nodes.push(node(id, kind, text, session))
    }
    return id
  }
  const conclusies = input.conclusies.map((c, i) => node(`c${i}`, 'conclusie', c.text, own))
  nodes.push(...conclusies)
  input.conclusies.forEach((c, i) => {
    for (const f of c.factoren) addEdge(shared('f', 'factor', f, own), `c${i}`)
  })
  const verzoek = node('v', 'verzoek', input.verzoek, own)
  nodes.push(verzoek)
  for (const c of conclusies) addEdge(c.id, 'v')
  for (const d of input.direct) addEdge(shared('f', 'factor', d, own), 'v')
  input.conclusies.forEach((c, i) => {
    let to = `c${i}`
    for (const step of c.herkomst ?? []) {
      const id = shared('h', 'conclusie', step.text, step.session)
      addEdge(id, to, 'herkomst')
      for (const f of step.factoren) addEdge(shared('f', 'factor', f, step.session), id)
      to = id
    }
  })

  // Rank: 0 for the request, one more than anything a box points at (longest path); factors stand at least two back.
  const rank = new Map(nodes.map((n) => [n.id, n.kind === 'factor' ? 2 : n.kind === 'conclusie' ? 1 : 0]))
  for (let pass = 0, changed = true; changed && pass <= nodes.length; pass++) {
    changed = false
    for (const e of edges) {
      const needed = rank.get(e.to)! + 1
      if (rank.get(e.from)! < needed) {
        rank.set(e.from, needed)
        changed = true
      }
    }
  }
  const deepest = Math.max(...rank.values())
  // Empty columns take no room: the request stands alone when nothing leads to it.
  const columns = Array.from({ length: deepest + 1 }, (_, i) => nodes.filter((n) => rank.get(n.id) === deepest - i)).filter((column) => column.length > 0)
  const heights = columns.map((column, i) => stack(column, i * (CHAIN_BOX_WIDTH + CHAIN_COLUMN_GAP)))
  const height = Math.max(...heights)
  columns.forEach((column, i) => {
    const offset = (height - heights[i]!) / 2
    for (const n of column) n.y += offset
  })
  return {
    width: columns.length * CHAIN_BOX_WIDTH + (columns.length - 1) * CHAIN_COLUMN_GAP,
    height,
    nodes: columns.flat(),
    edges,
  }
}
