/**
 * Every rule of SPEC.md is cited by at least one test (the project's rule of
 * done). Reads SPEC.md and every test file (and shared suite) at run time, so rules added by
 * other features are counted as soon as they are in SPEC.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** Rule ids as SPEC.md defines them: a list item starting with the bold id (`- **S1** …`). */
function specIds(): string[] {
  const spec = fs.readFileSync(path.join(ROOT, 'SPEC.md'), 'utf8')
  return [...spec.matchAll(/^\s*[-*] \*\*([A-Z]{1,2}\d+)\*\*/gm)].map((m) => m[1]!)
}

/** Test files and the shared suites they run (storage.contract.ts, …); not helpers or fixtures. */
function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'helpers' || entry.name === 'fixtures' ? [] : testFiles(full)
    return entry.name.endsWith('.ts') ? [full] : []
  })
}

/**
 * Ids cited as `[S1]` in a test file (names are sentences that cite SPEC
 * ids), or as a range `W1–W16` / `[W1]–[W16]` (each id of the range).
 */
function citedIds(): Set<string> {
  const cited = new Set<string>()
  for (const file of testFiles(path.join(ROOT, 'test'))) {
    const text = fs.readFileSync(file, 'utf8')
    for (const m of text.matchAll(/\[([A-Z]{1,2}\d+)\]/g)) cited.add(m[1]!)
    for (const m of text.matchAll(/\[?\b([A-Z]{1,2})(\d+)\]?\s*[–-]\s*\[?\1(\d+)\b\]?/g)) {
      for (let n = Number(m[2]); n <= Number(m[3]) && n - Number(m[2]) < 100; n++) cited.add(`${m[1]}${n}`)
    }
  }
  return cited
}

describe('SPEC.md and the tests', () => {
  it('every rule id of SPEC.md is cited by at least one test', () => {
    const ids = specIds()
    expect(ids.length).toBeGreaterThan(50)
    const cited = citedIds()
    expect(ids.filter((id) => !cited.has(id))).toEqual([])
  })

  it('SPEC.md defines each rule id once', () => {
    const ids = specIds()
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })
})
