/**
 * The `verslag_versions` and `board_pictures` tables as both SQL stores
 * write and read them (SQLite and PostgreSQL name the columns alike; each
 * keeps its own CREATE TABLE for its blob type): the version columns in
 * insert order, a version's values in that order, and rows read back. One
 * place, so the two stores cannot drift apart.
 */
import { PICTURE_TYPES, type PictureType } from '../../shared/verslag/versions'
import { bytesOf } from '../core/storage/pgPool'
import type { StoredPicture, VerslagVersionHead, VerslagVersionRecord } from './VerslagStores'

export const VERSION_COLUMNS = ['session_id', 'versie', 'vastgesteld_at', 'vastgesteld_op', 'actor', 'actor_name', 'models', 'picture_type', 'picture'] as const

/** The list's columns: everything but the models and the picture, and whether there is one. */
export const VERSION_HEAD_SELECT = 'session_id, versie, vastgesteld_at, vastgesteld_op, actor, actor_name, picture_type, (picture IS NOT NULL) AS has_picture'

export interface VersionRow {
  session_id: string
  versie: number
  vastgesteld_at: string
  vastgesteld_op: string
  actor: string
  actor_name: string
  models: string
  picture_type: string | null
  picture: Buffer | null
}

/** SQLite answers `has_picture` as 0 or 1, PostgreSQL as a boolean. */
export type VersionHeadRow = Omit<VersionRow, 'models' | 'picture'> & { has_picture: boolean | number }

export interface PictureRow {
  content_type: string
  data: Buffer
  updated_at: string
}

/** A content type the code no longer knows reads as PNG. */
const pictureType = (value: string): PictureType => ((PICTURE_TYPES as readonly string[]).includes(value) ? (value as PictureType) : 'image/png')

/** A version's values in the order of VERSION_COLUMNS. */
export const versionValues = (v: VerslagVersionRecord): (string | number | Buffer | null)[] => [
  v.sessionId,
  v.versie,
  v.vastgesteldAt,
  v.vastgesteldOp,
  v.actor,
  v.actorName,
  v.models,
  v.picture?.contentType ?? null,
  v.picture ? Buffer.from(v.picture.data) : null,
]

export const versionHeadOf = (row: VersionHeadRow): VerslagVersionHead => ({
  sessionId: row.session_id,
  versie: row.versie,
  vastgesteldAt: row.vastgesteld_at,
  vastgesteldOp: row.vastgesteld_op,
  actor: row.actor,
  actorName: row.actor_name,
  hasPicture: row.has_picture === true || row.has_picture === 1,
})

export const versionOf = (row: VersionRow): VerslagVersionRecord => ({
  sessionId: row.session_id,
  versie: row.versie,
  vastgesteldAt: row.vastgesteld_at,
  vastgesteldOp: row.vastgesteld_op,
  actor: row.actor,
  actorName: row.actor_name,
  models: row.models,
  picture:
    row.picture && row.picture_type
      ? { contentType: pictureType(row.picture_type), data: bytesOf(row.picture), updatedAt: row.vastgesteld_at }
      : null,
})

export const pictureOf = (row: PictureRow): StoredPicture => ({ contentType: pictureType(row.content_type), data: bytesOf(row.data), updatedAt: row.updated_at })

/** Insert or replace a session's picture; both SQL stores take the same text, with their own placeholders. */
export const upsertPictureSql = (placeholders: readonly [string, string, string, string]): string =>
  `INSERT INTO board_pictures (session_id, content_type, data, updated_at) VALUES (${placeholders.join(', ')})
   ON CONFLICT (session_id) DO UPDATE SET content_type = excluded.content_type, data = excluded.data, updated_at = excluded.updated_at`
