/**
 * Backup and restore of the embedded store (SPEC S50–S52): a consistent copy
 * of the SQLite file taken with SQLite's online backup API while the server
 * runs, and its way back while the server is stopped. The store's previous
 * file is kept beside it, so a restore loses nothing either.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { SQLITE_FILE } from './SqliteBackend'

/** A backup or restore that cannot be done; the message is a sentence for the operator. */
export class BackupError extends Error {
  override name = 'BackupError'
}

/** The tables every Brownpaper store has: a file without them is not ours. */
const REQUIRED_TABLES = ['doc_updates', 'doc_snapshots']

export interface BackupResult {
  file: string
  bytes: number
}

/** Copies the store in `dataDir` to `dest` (S50): consistent while the server writes, readable by its owner only. */
export async function backupSqlite(dataDir: string, dest: string): Promise<BackupResult> {
  const source = path.join(dataDir, SQLITE_FILE)
  if (!fs.existsSync(source)) throw new BackupError(`There is no store to back up: ${source} does not exist.`)
  const target = path.resolve(dest)
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; choose a new file name so no earlier backup is overwritten.`)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const db = new Database(source, { fileMustExist: true, timeout: 10_000 })
  const partial = `${target}.partial`
  try {
    await db.backup(partial)
  } catch (err) {
    fs.rmSync(partial, { force: true })
    throw err
  } finally {
    db.close()
  }
  fs.chmodSync(partial, 0o600)
  fs.renameSync(partial, target)
  return { file: target, bytes: fs.statSync(target).size }
}

/** Throws unless `file` is a sound SQLite database with Brownpaper's tables. */
function checkBackupFile(file: string): void {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`)
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
  } catch {
    throw new BackupError(`${file} is not a SQLite database.`)
  }
  try {
    const ok = db.pragma('integrity_check', { simple: true })
    if (ok !== 'ok') throw new BackupError(`${file} is damaged (integrity check: ${String(ok)}).`)
    const tables = new Set(
      db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name),
    )
    if (!REQUIRED_TABLES.every((t) => tables.has(t))) throw new BackupError(`${file} is not a Brownpaper backup (its tables are missing).`)
  } catch (err) {
    if (err instanceof BackupError) throw err
    throw new BackupError(`${file} is not a readable SQLite database.`)
  } finally {
    db.close()
  }
}

/**
 * Throws when another process (a running server) has the store open: in WAL
 * mode an exclusive lock is granted only to the last connection.
 */
function ensureNotInUse(file: string): void {
  if (!fs.existsSync(file)) return
  const db = new Database(file, { fileMustExist: true, timeout: 200 })
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.exec('COMMIT')
  } catch {
    throw new BackupError('The store is in use: stop the server before restoring a backup.')
  } finally {
    db.close()
  }
}

export interface RestoreResult {
  /** Where the store that was replaced was kept, or null when there was none. */
  previous: string | null
}

/** Replaces the store in `dataDir` with `backupFile` (S51); the server must be stopped. */
export function restoreSqlite(dataDir: string, backupFile: string, now: Date = new Date()): RestoreResult {
  const source = path.resolve(backupFile)
  checkBackupFile(source)
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const target = path.join(dataDir, SQLITE_FILE)
  ensureNotInUse(target)
  let previous: string | null = null
  if (fs.existsSync(target)) {
    // Opening and closing as the last connection checkpoints the WAL into the file, so the kept copy is whole.
    new Database(target, { fileMustExist: true }).close()
    previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
    fs.renameSync(target, previous)
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true })
  const incoming = `${target}.restoring`
  fs.copyFileSync(source, incoming)
  fs.chmodSync(incoming, 0o600)
  const fd = fs.openSync(incoming, 'r')
  fs.fsyncSync(fd)
  fs.closeSync(fd)
  fs.renameSync(incoming, target)
  return { previous }
}
