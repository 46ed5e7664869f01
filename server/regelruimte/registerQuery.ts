/**
 * The filters of GET /api/regelruimte.json|.csv (SPEC R3): `?themagroep=` and
 * `?status=`, each repeatable or comma-separated; `?lang=en` for English
 * column names in the CSV. An unknown status is a 400.
 */
import type { Request } from 'express'
import { z } from 'zod'
import type { Language } from '../../shared/dates'
import { regelruimteStatusSchema, type RegelruimteStatus } from '../../shared/sticky'
import { HttpError } from '../core/http/errors'

export interface RegisterQuery {
  themagroepen: string[] | null
  statuses: RegelruimteStatus[] | null
  language: Language
}

function values(raw: unknown, split: boolean): string[] | null {
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string')
  const parts = (split ? list.flatMap((v) => v.split(',')) : list).map((v) => v.trim()).filter((v) => v !== '')
  return parts.length > 0 ? parts : null
}

export function registerQuery(req: Request): RegisterQuery {
  const query = req.query as Record<string, unknown>
  const statuses = values(query.status, true)
  const parsed = z.array(regelruimteStatusSchema).safeParse(statuses ?? [])
  if (!parsed.success) {
    throw new HttpError(
      400,
      'invalid_query',
      `Onbekende status (unknown status): ${statuses?.join(', ')}. Kies uit: ${regelruimteStatusSchema.options.join(', ')}`,
    )
  }
  return {
    // A themagroep name may contain a comma: only repeat the parameter for several.
    themagroepen: values(query.themagroep, false),
    statuses: statuses ? parsed.data : null,
    language: query.lang === 'en' ? 'en' : 'nl',
  }
}
