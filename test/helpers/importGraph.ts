/**
 * The import graph of the repository's own code, read from the sources
 * (static imports, `export … from`, dynamic `import()`), and the layering
 * rules it must keep (SPEC X10–X12). Pure apart from `readSourceTree`, so the
 * rules themselves are tested on made-up graphs too.
 */
import fs from 'node:fs'
import path from 'node:path'

/** Repository-relative path (with '/') → source text. */
export type SourceTree = ReadonlyMap<string, string>

export interface Violation {
  rule: 'core-imports-feature' | 'client-server' | 'shared-imports-side' | 'app-imported' | 'cycle'
  detail: string
}

/** How a file imports another: loaded with it, type-only (erased), or on first use. */
export type ImportKind = 'static' | 'type' | 'dynamic'

const EXTENSIONS = ['.ts', '.tsx']
const IMPORT_RE = /(?:^|[\s;])((?:import|export)\s[^'"]*?)\bfrom\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

/** Reads every .ts/.tsx file under `dirs` (relative to `root`). */
export function readSourceTree(root: string, dirs: readonly string[]): Map<string, string> {
  const tree = new Map<string, string>()
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`
      if (entry.isDirectory()) walk(child)
      else if (EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts')) {
        tree.set(child, fs.readFileSync(path.join(root, child), 'utf8'))
      }
    }
  }
  for (const dir of dirs) walk(dir)
  return tree
}

/** Import specifiers of one source with their kind, comments stripped. */
export function importsWithKind(source: string): { spec: string; kind: ImportKind }[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
  const found: { spec: string; kind: ImportKind }[] = []
  for (const match of code.matchAll(IMPORT_RE)) {
    if (match[2]) found.push({ spec: match[2], kind: /^(?:import|export)\s+type\s/.test(match[1] ?? '') ? 'type' : 'static' })
    else if (match[3]) found.push({ spec: match[3], kind: 'static' })
    else if (match[4]) found.push({ spec: match[4], kind: 'dynamic' })
  }
  return found
}

/** Import specifiers of one source, comments stripped. */
export function importsOf(source: string): string[] {
  return importsWithKind(source).map((i) => i.spec)
}

/**
 * The packages loaded when `entry` loads: followed through static imports of
 * the repository's own files, not through type-only or dynamic ones.
 */
export function packagesLoadedWith(tree: SourceTree, entry: string): Set<string> {
  const seen = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const { spec, kind } of importsWithKind(tree.get(file) ?? '')) {
      if (kind !== 'static') continue
      if (!spec.startsWith('.')) {
        if (!spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec))
        continue
      }
      const target = resolve(tree, file, spec)
      if (target) visit(target)
    }
  }
  visit(entry)
  return packages
}

/** The file a relative specifier names, or null for a package or an unknown file. */
function resolve(tree: SourceTree, from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec))
  for (const candidate of [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => `${base}/index${ext}`)]) {
    if (tree.has(candidate)) return candidate
  }
  return null
}

/** file → the repository files it imports. */
export function importGraph(tree: SourceTree): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const [file, source] of tree) {
    const targets = importsOf(source)
      .map((spec) => resolve(tree, file, spec))
      .filter((target): target is string => target !== null)
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

const top = (file: string) => file.split('/')[0]
const isCore = (file: string) => file.startsWith('server/core/')
const isServerFeature = (file: string) => top(file) === 'server' && !isCore(file)

/** Every strongly connected set of files that import each other (Tarjan). */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (node: string) => {
    index.set(node, counter)
    low.set(node, counter)
    counter++
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!))
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = []
      let member: string | undefined
      do {
        member = stack.pop()
        if (member === undefined) break
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort())
    }
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return cycles
}

/** Every import that breaks the layering, and every import circle. */
export function layeringViolations(tree: SourceTree): Violation[] {
  const graph = importGraph(tree)
  const violations: Violation[] = []
  for (const [file, targets] of graph) {
    for (const target of targets) {
      const edge = `${file} → ${target}`
      if (isCore(file) && isServerFeature(target)) violations.push({ rule: 'core-imports-feature', detail: edge })
      if ((top(file) === 'client' && top(target) === 'server') || (top(file) === 'server' && top(target) === 'client')) {
        violations.push({ rule: 'client-server', detail: edge })
      }
      if (top(file) === 'shared' && (top(target) === 'client' || top(target) === 'server')) violations.push({ rule: 'shared-imports-side', detail: edge })
      if (target === 'server/app.ts' && file !== 'server/main.ts' && top(file) === 'server') violations.push({ rule: 'app-imported', detail: edge })
    }
  }
  for (const cycle of cyclesOf(graph)) violations.push({ rule: 'cycle', detail: cycle.join(' ⇄ ') })
  return violations
}
