/**
 * S13: the session index mirrors the doc's session info with the time of the
 * change. A debounced mirror that fires while the doc holds a newer change
 * not stored yet waits for that change's own turn, so the index never shows
 * the newer info with the older time.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { SessionSummary } from '../../shared/api'
import { writeSessionInfo } from '../../shared/ydoc'
import { silentLogger } from '../../server/core/log'
import type { Room } from '../../server/core/Room'
import { SessionIndexSync } from '../../server/sessions/SessionIndexSync'
import type { SessionStore } from '../../server/sessions/SessionStore'

type Patch = Partial<Omit<SessionSummary, 'id' | 'createdAt'>>

describe('SessionIndexSync (S13)', () => {
  it('[S13] does not mirror a change that is newer than the one it was armed for; that change mirrors itself with its own time', async () => {
    const patches: Patch[] = []
    const store = { update: async (_id: string, patch: Patch) => void patches.push(patch) } as unknown as SessionStore
    const doc = new Y.Doc()
    const room = { name: 'sessie-s13', doc, updateCount: 1 } as unknown as Room & { updateCount: number }
    writeSessionInfo(doc, { title: 'Oude titel', themagroep: 'Test', type: 'workshop' })
    const sync = new SessionIndexSync(store, silentLogger, 60_000)

    sync.changed(room) // the first change, stored
    // A newer change is applied but not stored yet when the mirror runs.
    writeSessionInfo(doc, { title: 'Nieuwe titel' })
    ;(room as { updateCount: number }).updateCount = 2
    await sync.flush(room)
    expect(patches).toEqual([])

    // Stored: its own onChange arms the mirror again, with its own time.
    const stored = Date.now()
    sync.changed(room)
    await sync.flush(room)
    expect(patches).toHaveLength(1)
    expect(patches[0]?.title).toBe('Nieuwe titel')
    expect(Date.parse(patches[0]?.updatedAt ?? '')).toBeGreaterThanOrEqual(stored)
  })
})
