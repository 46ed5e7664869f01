/**
 * `INSERT INTO table (a, b, …) VALUES (…)` with the placeholders of each SQL
 * store (`?` for SQLite, `$1, $2, …` for PostgreSQL), for a table whose
 * column list lives in one place beside its row mapping (a feature's
 * `…Rows.ts`), shared by its SQLite and PostgreSQL stores.
 */
export function insertSql(table: string, columns: readonly string[], dialect: 'sqlite' | 'pg'): string {
  const values = columns.map((_, i) => (dialect === 'pg' ? `$${i + 1}` : '?'))
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values.join(', ')})`
}
