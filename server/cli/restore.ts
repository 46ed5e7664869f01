/**
 * `npm run restore -- <file>`: puts a backup made by `npm run backup` back
 * as the store in DATA_DIR (SPEC S51). The server must be stopped; the store
 * it replaces is kept beside it as `brownpaper.sqlite.before-restore-<time>`.
 */
import { loadConfig } from '../config'
import { BackupError, restoreSqlite } from '../core/storage/sqliteBackup'

function main(): void {
  const file = process.argv[2]
  if (!file || process.argv.length > 3) {
    process.stderr.write('Usage: npm run restore -- <file>\n')
    process.exit(2)
  }
  const { DATA_DIR } = loadConfig()
  const { previous } = restoreSqlite(DATA_DIR, file)
  process.stdout.write(`Restored ${file} into ${DATA_DIR}.${previous ? ` The store it replaced is kept as ${previous}.` : ''}\n`)
}

try {
  main()
} catch (err) {
  process.stderr.write(`Restore failed: ${err instanceof BackupError ? err.message : err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
}
