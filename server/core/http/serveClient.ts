/**
 * Serves the built client (dist/client) with a single-page-app fallback:
 * every GET outside /api and /yjs that is not a file gets index.html. Without
 * a build, answers 503 with what to run. An asset the build compressed
 * (`scripts/precompress.ts`, SPEC M17) is sent as its `.br` or `.gz` sibling
 * to a browser that accepts that encoding.
 */
import fs from 'node:fs'
import path from 'node:path'
import express, { type Request, type RequestHandler, type Router } from 'express'

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Brownpaper</title>
<h1>De client is nog niet gebouwd</h1>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first) and reload.</p>
<p lang="en">The client is not built yet: run <code>npm run build</code>.</p>`

/** Sibling files the build writes, in the order we prefer them (scripts/precompress.ts). */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const

/** An asset's name: the build writes them flat into assets/ (no directories, no dot files). */
const ASSET_NAME = /^\/[A-Za-z0-9_-][A-Za-z0-9_.-]*$/

/** The codings an Accept-Encoding header accepts (q > 0); `*` stands for any coding not named. */
export function acceptedEncodings(header: string | undefined): (encoding: string) => boolean {
  const q = new Map<string, number>()
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find((m) => m)
    q.set(name, weight ? Number(weight[1]) : 1)
  }
  return (encoding) => (q.get(encoding) ?? q.get('*') ?? 0) > 0
}

/** M17: the precompressed sibling of an asset for this request, when there is one it accepts. */
function precompressedAssets(assetsDir: string): RequestHandler {
  // Per asset that exists, its siblings. Assets are named by their content hash, so
  // this never changes for a name; only names of real files are kept (a bounded map).
  const known = new Map<string, readonly (typeof PRECOMPRESSED)[number][]>()
  const siblingsOf = (file: string) => {
    let siblings = known.get(file)
    if (!siblings) {
      if (!fs.existsSync(file)) return []
      siblings = PRECOMPRESSED.filter(({ suffix }) => fs.existsSync(file + suffix))
      known.set(file, siblings)
    }
    return siblings
  }
  return (req: Request, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !ASSET_NAME.test(req.path)) return next()
    const file = path.join(assetsDir, req.path.slice(1))
    const siblings = siblingsOf(file)
    if (siblings.length === 0) return next()
    // Every answer for such a name depends on Accept-Encoding, the plain one too.
    res.vary('Accept-Encoding')
    const accepts = acceptedEncodings(req.headers['accept-encoding'])
    const choice = siblings.find(({ encoding }) => accepts(encoding))
    if (!choice) return next()
    res.type(path.extname(file))
    res.setHeader('Content-Encoding', choice.encoding)
    res.sendFile(file + choice.suffix, { immutable: true, maxAge: '1y' }, (error) => {
      if (!error || res.headersSent) return
      // Gone since we looked: the plain file, as express.static serves it.
      res.removeHeader('Content-Encoding')
      known.delete(file)
      next()
    })
  }
}

export function serveClient(clientDir: string): Router {
  const router = express.Router()
  const indexFile = path.join(clientDir, 'index.html')
  router.use('/assets', precompressedAssets(path.join(clientDir, 'assets')))
  router.use(
    '/assets',
    express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: true }),
  )
  router.use(express.static(clientDir, { index: false }))
  const fallback: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    if (/^\/(api|yjs)(\/|$)/.test(req.path)) return next()
    if (!fs.existsSync(indexFile)) {
      res.status(503).type('html').send(NOT_BUILT)
      return
    }
    res.setHeader('Cache-Control', 'no-cache')
    res.sendFile(indexFile)
  }
  router.use(fallback)
  return router
}
