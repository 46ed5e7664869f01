/**
 * M19, M1: the session link (loaded by the entry ahead of the board, and by
 * the phone page) is one chunk with everything of ours it imports. A module
 * of ours that it imports and the chunk's group does not name becomes a
 * chunk of its own: one more request for every phone.
 */
import { readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SESSION_LINK_CHUNK } from '../../vite.config'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** Our modules reachable from `entry` through relative imports (type-only imports left out: they emit no code). */
function ourImports(entry: string): string[] {
  const seen = new Set<string>()
  const walk = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'|^import\s+'(\.[^']+)'/gm)) {
      const spec = match[1] ?? match[2]!
      const base = path.resolve(path.dirname(file), spec)
      const resolved = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((f) => existsSync(f))
      if (resolved) walk(resolved)
    }
  }
  walk(entry)
  return [...seen]
}

describe('the session link chunk (M19)', () => {
  it('[M19][M1] every module of ours that the session link imports is in its chunk group', () => {
    const modules = ourImports(path.join(ROOT, 'client/sync/sessionLink.ts'))
    expect(modules.length).toBeGreaterThan(2)
    const outside = modules.filter((m) => !SESSION_LINK_CHUNK.test(m)).map((m) => path.relative(ROOT, m))
    expect(outside).toEqual([])
  })
})
