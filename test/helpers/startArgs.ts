/**
 * The Node arguments `npm start` runs the built server with (package.json
 * "start": `node <flags> dist/server/main.js`), so that the tests and the
 * bench that start the build run it exactly as production does (SPEC X17).
 */
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** The arguments after `node` in package.json's start script, e.g. ['--max-semi-space-size=4', 'dist/server/main.js']. */
export function startArgs(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const [command, ...args] = (pkg.scripts.start ?? '').split(/\s+/).filter(Boolean)
  if (command !== 'node' || args[args.length - 1] !== 'dist/server/main.js') throw new Error(`unexpected start script: ${pkg.scripts.start}`)
  return args
}
