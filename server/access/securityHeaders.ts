/**
 * P17: security headers on every response. The built client has no inline
 * script; tldraw needs inline styles, data:/blob: images and blob: workers.
 */
import type { RequestHandler } from 'express'
import helmet from 'helmet'

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        // P17: 'self' covers the board's own ws:/wss: origin; no websocket to any other host.
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // Cross-origin isolation headers would block nothing we load but can break
    // opening exported files; keep the defaults that matter here.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // HSTS only makes sense behind https, which a reverse proxy sets.
    strictTransportSecurity: false,
  })
}
