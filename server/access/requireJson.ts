/**
 * P14: the public POSTs (login, setup, join) take only JSON, which a form on
 * another site cannot send without a CORS preflight.
 */
import type { RequestHandler } from 'express'
import { HttpError } from '../core/http/errors'

export const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Stuur JSON (Content-Type: application/json)')
  }
  next()
}
