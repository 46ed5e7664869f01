/**
 * Limits on one board (SPEC L3, L5), with an in-process server whose limits
 * the test sets small: each refused with LimitExceeded, deleting stays possible.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import { noteRecord, PAGE_ID } from '../../shared/records'
import { recordsOf } from '../../shared/ydoc'
import { createInvite } from '../helpers/accessFixture'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor, withTimeout } from '../helpers/waitFor'

describe('limits of a board (L3, L5)', () => {
  let server: TestServer
  const clients: YClient[] = []
  const connect = (id: string, params?: Record<string, string>) => {
    const client = connectYClient(server.wsUrl, id, params ? { params } : {})
    clients.push(client)
    return client
  }

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  it('[L3] a full board (here 40 records; 5,000 by default) refuses one more with LimitExceeded; deleting stays possible', async () => {
    server = await startTestServer({ limits: { maxRecords: 40 } })
    const { id } = await server.createSession()
    const admin = connect(id)
    await admin.synced
    const start = recordsOf(server.rooms.get(id)!.doc).map.size
    admin.doc.transact(() => {
      for (let i = start; i < 40; i++) {
        const note = noteRecord({ id: `shape:vol${i}`, text: `${i}`, meta: { tag: 'opmerking' }, parentId: PAGE_ID, x: i * 10, y: 0, index: `a${i}` })
        recordsOf(admin.doc).set(note.id, note)
      }
    })
    await waitFor(() => recordsOf(server.rooms.get(id)!.doc).map.size === 40, 'a full board')
    const extra = noteRecord({ id: 'shape:teveel', text: 'te veel', meta: { tag: 'opmerking' }, parentId: PAGE_ID, x: 0, y: 900, index: 'b1' })
    recordsOf(admin.doc).set(extra.id, extra)
    expect(await withTimeout(admin.serverClosed, 'the record cap')).toBe(CloseCode.LimitExceeded)
    admin.destroy()
    const cleaner = connect(id)
    await cleaner.synced
    recordsOf(cleaner.doc).delete(`shape:vol${start}`)
    await waitFor(() => !recordsOf(server.rooms.get(id)!.doc).has(`shape:vol${start}`), 'a deletion on a full board')
    expect(recordsOf(server.rooms.get(id)!.doc).has('shape:teveel')).toBe(false)
  })

  it('[L4] a record larger than the cap (here 4 KiB; 128 KiB by default) is refused with LimitExceeded', async () => {
    server = await startTestServer({ limits: { maxRecordBytes: 4 * 1024 } })
    const { id } = await server.createSession()
    const invite = await createInvite(server, id, 'deelnemer')
    const attacker = connect(id, { token: invite.token })
    await attacker.synced
    const note = noteRecord({ id: 'shape:groot', text: 'x'.repeat(5_000), meta: { tag: 'opmerking' }, parentId: PAGE_ID, x: 0, y: 0, index: 'a5' })
    recordsOf(attacker.doc).set(note.id, note)
    expect(await withTimeout(attacker.serverClosed, 'the refusal')).toBe(CloseCode.LimitExceeded)
    const small = connect(id, { token: invite.token })
    await small.synced
    const ok = noteRecord({ id: 'shape:klein', text: 'x'.repeat(500), meta: { tag: 'opmerking' }, parentId: PAGE_ID, x: 0, y: 0, index: 'a6' })
    recordsOf(small.doc).set(ok.id, ok)
    await waitFor(() => recordsOf(server.rooms.get(id)!.doc).has('shape:klein'), 'the small sticky')
    expect(recordsOf(server.rooms.get(id)!.doc).has('shape:groot')).toBe(false)
  })

  it('[L5] rich text nested deeper than 32 levels is refused with LimitExceeded; within the caps it is accepted', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const invite = await createInvite(server, id, 'deelnemer')
    for (const [depth, code] of [
      [33, CloseCode.LimitExceeded],
      [400, CloseCode.LimitExceeded],
    ] as const) {
      const attacker = connect(id, { token: invite.token })
      await attacker.synced
      let node: Record<string, unknown> = { type: 'text', text: 'diep' }
      for (let i = 0; i < depth; i++) node = { type: 'paragraph', content: [node] }
      const note = noteRecord({ id: `shape:diep${depth}`, text: 'x', meta: { tag: 'opmerking' }, parentId: PAGE_ID, x: 0, y: 0, index: 'a5' })
      recordsOf(attacker.doc).set(note.id, { ...note, props: { ...note.props, richText: { type: 'doc', content: [node] } } })
      expect(await withTimeout(attacker.serverClosed, `the refusal at depth ${depth}`)).toBe(code)
      attacker.destroy()
      expect(recordsOf(server.rooms.get(id)!.doc).has(note.id)).toBe(false)
    }
    // Within the caps it is accepted.
    const writer = connect(id, { token: invite.token })
    await writer.synced
    let node: Record<string, unknown> = { type: 'text', text: 'ondiep' }
    for (let i = 0; i < 5; i++) node = { type: 'paragraph', content: [node] }
    const note = noteRecord({ id: 'shape:ondiep', text: 'x', meta: { tag: 'opmerking' }, parentId: PAGE_ID, x: 0, y: 0, index: 'a6' })
    recordsOf(writer.doc).set(note.id, { ...note, props: { ...note.props, richText: { type: 'doc', content: [node] } } })
    await waitFor(() => recordsOf(server.rooms.get(id)!.doc).has('shape:ondiep'), 'the shallow sticky')
  })
})
