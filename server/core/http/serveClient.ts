/**
 * Serves the built client (dist/client) with a single-page-app fallback:
 * every GET outside /api and /yjs that is not a file gets index.html. Without
 * a build, answers 503 with what to run.
 */
import fs from 'node:fs'
import path from 'node:path'
import express, { type RequestHandler, type Router } from 'express'

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Brownpaper</title>
<h1>De client is nog niet gebouwd</h1>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first) and reload.</p>
<p lang="en">The client is not built yet: run <code>npm run build</code>.</p>`

export function serveClient(clientDir: string): Router {
  const router = express.Router()
  const indexFile = path.join(clientDir, 'index.html')
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
