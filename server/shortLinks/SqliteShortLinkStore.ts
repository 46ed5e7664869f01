/** ShortLinkStore in SQLite, on the server's database; the table and its rows: shortLinkRows.ts, shared with the PostgreSQL sibling. */
import type { SqliteDatabase } from '../core/storage/Backend'
import { insertSql } from '../core/storage/insertSql'
import type { ShortLinkStore, StoredShortLink } from './ShortLinkStore'
import { SHORT_LINK_COLUMNS, shortLinkOf, shortLinkValues, type ShortLinkRow } from './shortLinkRows'

export class SqliteShortLinkStore implements ShortLinkStore {
  private readonly insert
  private readonly byHash

  constructor(db: SqliteDatabase) {
    this.insert = db.prepare(insertSql('short_links', SHORT_LINK_COLUMNS, 'sqlite'))
    this.byHash = db.prepare<[string], ShortLinkRow>('SELECT * FROM short_links WHERE code_hash = ?')
  }

  async create(l: StoredShortLink): Promise<void> {
    this.insert.run(...shortLinkValues(l))
  }

  async findByCodeHash(codeHash: string): Promise<StoredShortLink | null> {
    const r = this.byHash.get(codeHash)
    return r ? shortLinkOf(r) : null
  }
}
