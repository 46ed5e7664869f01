/** ShortLinkStore in PostgreSQL; the table and its rows: shortLinkRows.ts, shared with the SQLite sibling. */
import { insertSql } from '../core/storage/insertSql'
import type { PgDb } from '../core/storage/pgPool'
import type { ShortLinkStore, StoredShortLink } from './ShortLinkStore'
import { SHORT_LINK_COLUMNS, shortLinkOf, shortLinkValues, type ShortLinkRow } from './shortLinkRows'

const INSERT = insertSql('short_links', SHORT_LINK_COLUMNS, 'pg')

export class PgShortLinkStore implements ShortLinkStore {
  constructor(private readonly db: PgDb) {}

  async create(l: StoredShortLink): Promise<void> {
    await this.db.query(INSERT, shortLinkValues(l))
  }

  async findByCodeHash(codeHash: string): Promise<StoredShortLink | null> {
    const { rows } = await this.db.query<ShortLinkRow>('SELECT * FROM short_links WHERE code_hash = $1', [codeHash])
    const r = rows[0]
    return r ? shortLinkOf(r) : null
  }
}
