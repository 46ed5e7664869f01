import { HttpError } from '../../core/http/errors'

/** The `:version` of a history route: a positive integer, else 400. */
export function versionParam(value: unknown): number {
  const version = typeof value === 'string' && /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(version)) {
    throw new HttpError(400, 'invalid_version', `Ongeldig versienummer: ${String(value).slice(0, 40)} (version must be a positive integer)`)
  }
  return version
}
