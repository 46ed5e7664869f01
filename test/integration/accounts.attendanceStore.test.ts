/**
 * Who was there (SPEC U14): the attendance store contract, the same on
 * memory, SQLite and PostgreSQL — one record per person per session (the same
 * invite with the same folded name and organisation), first joined kept, last
 * seen moving on, never back.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { AttendanceEntry } from '../../server/accounts/AttendanceStore'
import { ATTENDANCE_STORES } from '../../server/accounts/attendanceStoreDefinition'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { storeBackends } from '../helpers/storeBackends'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

const { backends, open } = storeBackends([ATTENDANCE_STORES])

const karin: AttendanceEntry = { sessionId: 's1', inviteId: 'i1', name: 'Karin Smit', organisation: 'GGD Amsterdam', role: 'deelnemer' }
const T = (minute: number) => `2026-03-02T10:${String(minute).padStart(2, '0')}:00.000Z`

describe.each(backends)('attendance on %s', (_name, make) => {
  const store = async () => (await open(make)).stores(ATTENDANCE_STORES).attendance

  it('[U14] one record per person: the same invite with the same name and organisation, folded; first joined kept, last seen moves on and never back', async () => {
    const attendance = await store()
    await attendance.record(karin, T(1))
    await attendance.record({ ...karin, name: '  karin   SMIT ', organisation: 'ggd amsterdam' }, T(5))
    await attendance.record(karin, T(3)) // an older sighting arriving late
    expect(await attendance.listForSession('s1')).toEqual([{ ...karin, firstJoinedAt: T(1), lastSeenAt: T(5) }])
  })

  it('[U14] another invite, another name or another organisation is another person; other sessions are not listed; first joined first', async () => {
    const attendance = await store()
    await attendance.record({ ...karin, name: 'Piet de Boer', organisation: 'NZa' }, T(2))
    await attendance.record(karin, T(1))
    await attendance.record({ ...karin, inviteId: 'i2', role: 'waarnemer' }, T(4))
    await attendance.record({ ...karin, organisation: 'GGD Gelderland' }, T(4))
    await attendance.record({ ...karin, sessionId: 's2' }, T(0))
    const list = await attendance.listForSession('s1')
    expect(list.map((r) => [r.name, r.organisation, r.inviteId, r.role, r.firstJoinedAt])).toEqual([
      ['Karin Smit', 'GGD Amsterdam', 'i1', 'deelnemer', T(1)],
      ['Piet de Boer', 'NZa', 'i1', 'deelnemer', T(2)],
      ['Karin Smit', 'GGD Amsterdam', 'i2', 'waarnemer', T(4)],
      ['Karin Smit', 'GGD Gelderland', 'i1', 'deelnemer', T(4)],
    ])
    expect(await attendance.listForSession('s3')).toEqual([])
  })

  it('[U14] a later sighting takes the role of that moment (W23: the invite’s role changed)', async () => {
    const attendance = await store()
    await attendance.record(karin, T(1))
    await attendance.record({ ...karin, role: 'waarnemer' }, T(2))
    expect((await attendance.listForSession('s1')).map((r) => r.role)).toEqual(['waarnemer'])
  })

  it('[U14] the same new person seen many times at once is one record', async () => {
    const attendance = await store()
    await Promise.all(Array.from({ length: 8 }, (_, i) => attendance.record(karin, T(i))))
    const list = await attendance.listForSession('s1')
    expect(list).toHaveLength(1)
    expect(list[0]!.lastSeenAt).toBe(T(7))
  })
})

describe('attendance in SQLite', () => {
  afterEach(() => removeTempDirs())

  it('[U14] survives closing and reopening the store', async () => {
    const dir = tempDir()
    const first = new SqliteBackend(dir)
    await first.stores(ATTENDANCE_STORES).attendance.record(karin, T(1))
    await first.close()
    const second = new SqliteBackend(dir)
    expect(await second.stores(ATTENDANCE_STORES).attendance.listForSession('s1')).toEqual([{ ...karin, firstJoinedAt: T(1), lastSeenAt: T(1) }])
    await second.close()
  })
})
