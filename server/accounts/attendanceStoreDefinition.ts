/** Who was there (U12, U14) on every kind of backend (memory, SQLite, PostgreSQL). */
import type { StoreDefinition } from '../core/storage/Backend'
import type { AttendanceStores } from './AttendanceStore'
import { MemoryAttendanceStore } from './MemoryAttendanceStore'
import { ATTENDANCE_PG_SCHEMA, PgAttendanceStore } from './PgAttendanceStore'
import { ATTENDANCE_SCHEMA, SqliteAttendanceStore } from './SqliteAttendanceStore'

export const ATTENDANCE_STORES: StoreDefinition<AttendanceStores> = {
  name: 'attendance',
  memory: () => ({ attendance: new MemoryAttendanceStore() }),
  sqlite: { migrations: [ATTENDANCE_SCHEMA], open: (db) => ({ attendance: new SqliteAttendanceStore(db) }) },
  postgres: { migrations: [ATTENDANCE_PG_SCHEMA], open: (db) => ({ attendance: new PgAttendanceStore(db) }) },
}
