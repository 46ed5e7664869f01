import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importsOf, layeringViolations, packagesLoadedWith, readSourceTree } from '../helpers/importGraph'

const ROOT = path.resolve(import.meta.dirname, '../..')

describe('layering of the code', () => {
  it('[X10] [X11] [X12] the core imports no feature, client and server never import each other, shared imports neither, only main.ts imports app.ts, and no import circle exists', () => {
    const tree = readSourceTree(ROOT, ['server', 'shared', 'client'])
    expect(tree.size).toBeGreaterThan(100)
    expect(layeringViolations(tree)).toEqual([])
  })

  it('[X10] catches a core file that imports a feature (also a type-only or dynamic import)', () => {
    const tree = new Map([
      ['server/core/Room.ts', "import type { Actor } from '../access/Actor'\nconst lazy = () => import('../verslag/x')"],
      ['server/access/Actor.ts', 'export type Actor = string'],
      ['server/verslag/x.ts', 'export const x = 1'],
    ])
    expect(layeringViolations(tree).map((v) => v.rule)).toEqual(['core-imports-feature', 'core-imports-feature'])
  })

  it('[X11] catches client ↔ server imports, shared importing either side, and a feature importing app.ts', () => {
    const tree = new Map([
      ['client/App.tsx', "import { startServer } from '../server/app'"],
      ['server/app.ts', "import { x } from '../client/x'"],
      ['client/x.ts', 'export const x = 1'],
      ['shared/a.ts', "export { y } from '../server/access/y'"],
      ['server/access/y.ts', "import '../app'\nexport const y = 1"],
    ])
    expect(layeringViolations(tree).map((v) => v.rule).sort()).toEqual(['app-imported', 'client-server', 'client-server', 'shared-imports-side'])
  })

  it('[X12] catches an import circle, also through several files, and ignores imports named in comments', () => {
    const tree = new Map([
      ['server/sessions/a.ts', "import { b } from './b'\n// import { c } from './c'"],
      ['server/sessions/b.ts', "import { c } from '../access/c'"],
      ['server/access/c.ts', "import type { a } from '../sessions/a'"],
    ])
    expect(layeringViolations(tree)).toEqual([{ rule: 'cycle', detail: 'server/access/c.ts ⇄ server/sessions/a.ts ⇄ server/sessions/b.ts' }])
    expect(importsOf("/* import x from './x' */ export * from './y'")).toEqual(['./y'])
  })

  it('[X14] the libraries of the export and import formats are not loaded when the server starts, only on first use', () => {
    const tree = readSourceTree(ROOT, ['server', 'shared'])
    const atStart = packagesLoadedWith(tree, 'server/main.ts')
    expect(atStart.has('express')).toBe(true)
    expect(atStart.has('yjs')).toBe(true)
    for (const lazy of ['docx', 'mammoth', 'pdfmake', 'exceljs', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@tldraw/tlschema', 'tldraw', '@tldraw/editor']) expect(atStart, lazy).not.toContain(lazy)
    // …but they are still reachable, through a dynamic import.
    expect(importsOf(tree.get('server/verslag/lazyFormats.ts') ?? '')).toContain('./render/renderDocx')
    expect(importsOf(tree.get('server/verslag/lazyFormats.ts') ?? '')).toContain('./render/renderPdf')
  })

  it('[X16] PostgreSQL\'s and Redis\'s clients (pg, ioredis) are not loaded at start, only when DATABASE_URL or REDIS_URL asks for them', () => {
    const tree = readSourceTree(ROOT, ['server', 'shared'])
    const atStart = packagesLoadedWith(tree, 'server/main.ts')
    expect(atStart.has('better-sqlite3')).toBe(true)
    expect(atStart, 'pg').not.toContain('pg')
    expect(atStart, 'ioredis').not.toContain('ioredis')
    // …but they are reached through a dynamic import.
    expect(importsOf(tree.get('server/core/storage/openBackend.ts') ?? '')).toContain('./PgBackend')
    expect(importsOf(tree.get('server/main.ts') ?? '')).toContain('./cluster/RedisBus')
    expect(packagesLoadedWith(tree, 'server/core/storage/PgBackend.ts')).toContain('pg')
    expect(packagesLoadedWith(tree, 'server/cluster/RedisBus.ts')).toContain('ioredis')
  })

  it('[X14] follows static imports only: a type-only or dynamic import loads nothing at start', () => {
    const tree = new Map([
      ['server/main.ts', "import { a } from './a'\nimport type { T } from './t'\nconst later = () => import('./lazy')"],
      ['server/a.ts', "import express from 'express'\nimport * as dec from 'lib0/decoding'"],
      ['server/t.ts', "import { Document } from 'docx'"],
      ['server/lazy.ts', "import mammoth from 'mammoth'"],
    ])
    expect([...packagesLoadedWith(tree, 'server/main.ts')].sort()).toEqual(['express', 'lib0'])
  })
})
