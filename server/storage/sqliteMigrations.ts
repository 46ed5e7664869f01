/**
 * Schema migrations of the SQLite store, applied in order. `PRAGMA
 * user_version` holds how many have run; append new ones, never edit old ones.
 */
import { ACCESS_SCHEMA } from '../access/SqliteAccessStores'
import { HISTORY_SCHEMA } from '../history/SqliteHistoryStore'
import { REGELRUIMTE_SCHEMA } from './SqliteRegelruimteStatusStore'
import { VERSLAG_SCHEMA } from './SqliteVerslagStores'

export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: update log, snapshots, session index
  `
  CREATE TABLE doc_updates (
    seq  INTEGER PRIMARY KEY AUTOINCREMENT,
    room TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_room ON doc_updates (room, seq);
  CREATE TABLE doc_snapshots (
    room       TEXT PRIMARY KEY,
    seq        INTEGER NOT NULL,
    data       BLOB NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    themagroep TEXT NOT NULL,
    type       TEXT NOT NULL,
    date       TEXT,
    place      TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX sessions_created ON sessions (created_at DESC, id);
  `,
  // 2: users, logins, themagroepen and members, invites, audit log (issue 4)
  ACCESS_SCHEMA,
  // 3: vastgestelde versies of the verslag, board pictures (issue 3)
  VERSLAG_SCHEMA,
  // 4: status history of regelruimte requests (the register)
  REGELRUIMTE_SCHEMA,
  // 5: restorable versions of the board (server/history, SPEC H4)
  HISTORY_SCHEMA,
]
