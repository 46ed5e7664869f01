/**
 * HTTP errors: throw an HttpError anywhere in a route; the one error
 * middleware turns it (and zod, JSON-parse and unknown errors) into the JSON
 * body `{ error, message }` with the right status.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express'
import { z } from 'zod'
import type { ApiError } from '../../../shared/api'
import type { Logger } from '../log'

export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const sessionNotFound = (id: string) =>
  new HttpError(404, 'session_not_found', `Sessie ${id} bestaat niet (session not found)`)

/** "title: Too small …; date: Invalid …" — names every bad field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ')
}

/** Whether the request carries a body (as type-is decides: a length above zero or a chunked transfer). */
function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0
}

/**
 * Parses the JSON body of a request with a zod schema or throws a 400
 * invalid_body naming the fields. A body that is not JSON (express.json left
 * it unparsed, e.g. `curl -d` sends a form type) is a 415, not a 400 about
 * fields that seem to be missing.
 */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const body: unknown = req.body
  if (body === undefined && hasBody(req)) {
    throw new HttpError(415, 'unsupported_media_type', `Stuur JSON met Content-Type: application/json (got ${req.get('content-type') ?? 'no content type'})`)
  }
  const parsed = schema.safeParse(body ?? {})
  if (!parsed.success) throw new HttpError(400, 'invalid_body', describeZodError(parsed.error))
  return parsed.data
}

/** 404 for any /api path that no route answered. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `Onbekende API-route: ${req.method} ${req.originalUrl}`))
}

/**
 * The last handler: whatever neither the API nor the client answered (a POST
 * outside /api, a plain HTTP request for the websocket path) gets a JSON
 * error instead of Express's HTML page.
 */
export const notFound: RequestHandler = (req, _res, next) => {
  if (/^\/yjs(\/|$)/.test(req.path)) {
    next(new HttpError(426, 'upgrade_required', 'Dit adres spreekt alleen websocket (y-websocket): open het als ws:// (upgrade required)'))
    return
  }
  next(new HttpError(404, 'not_found', `Niet gevonden: ${req.method} ${req.path} (not found)`))
}

interface BodyParserError {
  type: string
  status: number
  message: string
}

function isBodyParserError(err: unknown): err is BodyParserError {
  return typeof err === 'object' && err !== null && 'type' in err && 'status' in err
}

/** The 4xx status an error carries (`status` or `statusCode`, as http-errors sets), or null. */
function clientStatusOf(err: unknown): number | null {
  if (typeof err !== 'object' || err === null) return null
  const value = 'status' in err ? err.status : 'statusCode' in err ? err.statusCode : undefined
  return typeof value === 'number' && value >= 400 && value < 500 ? value : null
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let status = 500
    let body: ApiError = { error: 'internal_error', message: 'Er ging iets mis op de server (internal error)' }
    if (err instanceof HttpError) {
      status = err.status
      body = { error: err.code, message: err.message }
    } else if (err instanceof z.ZodError && req.method !== 'GET' && req.method !== 'HEAD') {
      // Input the route validated with a schema. A GET has no input to blame:
      // a schema failing there is stored data or the server's own output (500).
      status = 400
      body = { error: 'invalid_body', message: describeZodError(err) }
    } else if (isBodyParserError(err) && err.type === 'entity.parse.failed') {
      status = 400
      body = { error: 'invalid_json', message: `De body is geen geldige JSON (malformed JSON): ${err.message}` }
    } else if (isBodyParserError(err) && err.type === 'entity.too.large') {
      status = 413
      body = { error: 'body_too_large', message: 'De body is te groot (request body too large)' }
    } else if (isBodyParserError(err) && err.status >= 400 && err.status < 500) {
      status = err.status
      body = { error: 'bad_request', message: err.message }
    } else if (clientStatusOf(err) !== null) {
      // http-errors style errors from Express itself, e.g. a URL whose percent-encoding does not decode.
      status = clientStatusOf(err) ?? 400
      body = { error: 'bad_request', message: `Ongeldig verzoek (bad request): ${err instanceof Error ? err.message : String(err)}` }
    }
    if (status >= 500) log.error({ err, method: req.method, url: req.originalUrl }, 'request failed')
    if (res.headersSent) return
    res.status(status).json(body)
  }
}
