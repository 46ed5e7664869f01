/**
 * P25: the store is readable by the server's user only: DATA_DIR 0700, the
 * database file 0600, created so before SQLite opens it (SQLite gives its
 * -wal and -shm files the database file's mode), also when they existed
 * with wider modes (e.g. left by a crash).
 */
import fs from 'node:fs'

/** Before opening: the directory 0700 and the database file 0600 (created empty when missing). */
export function ownerOnly(dataDir: string, file: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  fs.chmodSync(dataDir, 0o700)
  fs.closeSync(fs.openSync(file, 'a', 0o600))
  fs.chmodSync(file, 0o600)
}

/** After opening: the -wal and -shm files 0600. */
export function restrictSidecars(file: string): void {
  for (const sidecar of [`${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(sidecar)) fs.chmodSync(sidecar, 0o600)
  }
}
