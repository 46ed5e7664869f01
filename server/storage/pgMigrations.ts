/**
 * Schema migrations of the PostgreSQL store, applied in order at start
 * (`schema_migrations` holds how many have run); append new ones, never edit
 * old ones. Each feature's tables sit beside its PostgreSQL store.
 */
import { ACCESS_PG_SCHEMA } from '../access/PgAccessStores'
import { REGELRUIMTE_PG_SCHEMA } from './PgRegelruimteStatusStore'
import { VERSLAG_PG_SCHEMA } from './PgVerslagStores'

export const DOCS_PG_SCHEMA = `
CREATE TABLE doc_updates (
  seq  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  room TEXT NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX doc_updates_room ON doc_updates (room, seq);
CREATE TABLE doc_snapshots (
  room       TEXT PRIMARY KEY,
  seq        BIGINT NOT NULL,
  data       BYTEA NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE sessions (
  id         TEXT COLLATE "C" PRIMARY KEY,
  title      TEXT NOT NULL,
  themagroep TEXT NOT NULL,
  type       TEXT NOT NULL,
  date       TEXT,
  place      TEXT,
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX sessions_created ON sessions (created_at DESC, id);
`

export const PG_MIGRATIONS: readonly string[] = [
  // 1: update log, snapshots, session index
  DOCS_PG_SCHEMA,
  // 2: users, logins, themagroepen and members, invites, audit log
  ACCESS_PG_SCHEMA,
  // 3: vastgestelde versies of the verslag, board pictures
  VERSLAG_PG_SCHEMA,
  // 4: status history of regelruimte requests (the register)
  REGELRUIMTE_PG_SCHEMA,
]
