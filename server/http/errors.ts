/**
 * HTTP errors: throw an HttpError anywhere in a route; the one error
 * middleware turns it (and zod, JSON-parse and unknown errors) into the JSON
 * body `{ error, message }` with the right status.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { z } from 'zod'
import type { ApiError } from '../../shared/api'
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

/** Parses a request body with a zod schema or throws a 400 invalid_body naming the fields. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {})
  if (!parsed.success) throw new HttpError(400, 'invalid_body', describeZodError(parsed.error))
  return parsed.data
}

/** 404 for any /api path that no route answered. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `Onbekende API-route: ${req.method} ${req.originalUrl}`))
}

interface BodyParserError {
  type: string
  status: number
  message: string
}

function isBodyParserError(err: unknown): err is BodyParserError {
  return typeof err === 'object' && err !== null && 'type' in err && 'status' in err
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let status = 500
    let body: ApiError = { error: 'internal_error', message: 'Er ging iets mis op de server (internal error)' }
    if (err instanceof HttpError) {
      status = err.status
      body = { error: err.code, message: err.message }
    } else if (err instanceof z.ZodError) {
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
    }
    if (status >= 500) log.error({ err, method: req.method, url: req.originalUrl }, 'request failed')
    if (res.headersSent) return
    res.status(status).json(body)
  }
}
