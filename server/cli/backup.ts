/**
 * `npm run backup -- <file>`: a consistent copy of the whole store in
 * DATA_DIR, taken while the server runs (SPEC S50). For PostgreSQL
 * (DATABASE_URL) use pg_dump instead (README).
 */
import { loadConfig } from '../config'
import { BackupError, backupSqlite } from '../core/storage/sqliteBackup'

async function main(): Promise<void> {
  const file = process.argv[2]
  if (!file || process.argv.length > 3) {
    process.stderr.write('Usage: npm run backup -- <file>\n')
    process.exit(2)
  }
  const { DATA_DIR } = loadConfig()
  const result = await backupSqlite(DATA_DIR, file)
  process.stdout.write(`Backup written to ${result.file} (${result.bytes} bytes).\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`Backup failed: ${err instanceof BackupError ? err.message : err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
