/**
 * `npm run build:server`: bundles the server into dist/server (ES modules,
 * Node 20) so that `npm start` runs plain JavaScript, no TypeScript loader.
 * Packages stay external (loaded from node_modules) except those we use a
 * sliver of: @tldraw/utils is bundled so that only its fractional indexing
 * is kept, not the whole library (about 13 MB of memory). Dynamic imports
 * become chunks of their own, so the export and import libraries load on
 * first use (SPEC X14).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const BUNDLED = new Set(['@tldraw/utils'])
const external = Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name))

await build({
  absWorkingDir: root,
  entryPoints: { main: process.env.BUILD_ENTRY ?? 'server/main.ts' },
  outdir: process.env.BUILD_OUTDIR ?? 'dist/server',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Packages and their subpaths (yjs, lib0/decoding, y-protocols/sync, …).
  external: external.flatMap((name) => [name, `${name}/*`]),
  logLevel: 'warning',
})
