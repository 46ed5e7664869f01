/**
 * The write rules (SPEC W1–W16) as an attacker tries them: a stock
 * y-websocket client with a deelnemer invite token writes straight into the
 * doc. Each refused update leaves the server's document, the stored log, the
 * register and the other clients unchanged — shown by a later accepted update
 * (the admin's marker sticky) arriving at a watching client without the
 * refused change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoard } from '../../shared/boardModel'
import { CloseCode } from '../../shared/closeCodes'
import type { AuditEntry } from '../../shared/access'
import type { RegisterRow } from '../../shared/regelruimte'
import { toRichText } from '../../shared/richText'
import { addSticky, allRecords, recordsOf, type StoredRecord } from '../../shared/ydoc'
import { frameRecord, linkRecords } from '../../shared/records'
import { createInvite } from '../helpers/accessFixture'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor, withTimeout } from '../helpers/waitFor'

interface Scene {
  id: string
  /** The deelnemer's invite token and the id it writes under. */
  token: string
  writerId: string
  /** Stickies: one by the deelnemer, one by someone else, one regelruimte request by someone else. */
  own: string
  others: string
  request: string
  /** A watching deelnemer (another invite) and the admin's client. */
  watcher: YClient
  admin: YClient
}

describe('write rules on the websocket (SPEC W1–W16)', () => {
  let server: TestServer
  const clients: YClient[] = []
  const connect = (id: string, params?: Record<string, string>) => {
    const client = connectYClient(server.wsUrl, id, params ? { params } : {})
    clients.push(client)
    return client
  }

  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  async function scene(): Promise<Scene> {
    const { id } = await server.createSession()
    const invite = await createInvite(server, id, 'deelnemer')
    const writerId = `invite-${invite.id}`
    const admin = connect(id)
    const watcher = connect(id, { token: (await createInvite(server, id, 'deelnemer')).token })
    await Promise.all([admin.synced, watcher.synced])
    const others = addSticky(admin.doc, { text: 'Van Anna', tag: 'bevorderend', author: { id: 'anna', name: 'Anna', organisation: 'NZa' } }).id
    const request = addSticky(admin.doc, {
      text: 'Experimenteerruimte bekostiging',
      tag: 'regelruimte',
      author: { id: 'anna', name: 'Anna', organisation: 'NZa' },
      extraMeta: { status: 'ingediend' },
    }).id
    const writer = connect(id, { token: invite.token })
    await writer.synced
    const own = addSticky(writer.doc, { text: 'Van mij', tag: 'belemmerend', author: { id: writerId, name: 'Dirk', organisation: 'Zorggroep' } }).id
    await waitFor(() => recordsOf(watcher.doc).has(own) && recordsOf(watcher.doc).has(request), 'the scene at the watcher')
    writer.destroy()
    return { id, token: invite.token, writerId, own, others, request, watcher, admin }
  }

  /** Records of the room as stored: snapshot plus logged updates, rebuilt in a fresh doc. */
  async function storedRecords(id: string): Promise<Map<string, StoredRecord>> {
    const stored = await server.storage.docs.load(id)
    const doc = new Y.Doc()
    for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, update)
    return new Map(allRecords(doc).map((r) => [r.id, r]))
  }

  async function registerRows(id: string): Promise<RegisterRow[]> {
    const res = await server.api<{ rows: RegisterRow[] }>('GET', '/api/regelruimte.json')
    return res.body.rows.filter((row) => row.sessionId === id)
  }

  /**
   * Opens a deelnemer client, lets `attack` write, expects the refusal close
   * code, then proves nothing of it arrived anywhere: the admin's later marker
   * reaches the watcher, and server, store and watcher still hold `before`.
   */
  async function expectRefused(s: Scene, attack: (doc: Y.Doc) => void, code: number = CloseCode.WriteRefused) {
    const before = new Map([...recordsOf(server.rooms.get(s.id)!.doc).map].map(([k, v]) => [k, JSON.stringify(v.val)]))
    const rowsBefore = await registerRows(s.id)
    const attacker = connect(s.id, { token: s.token })
    await attacker.synced
    attack(attacker.doc)
    expect(await withTimeout(attacker.serverClosed, 'the refusal')).toBe(code)
    attacker.destroy()
    const marker = addSticky(s.admin.doc, { text: `Later ${Math.random()}`, tag: 'opmerking' }).id
    await waitFor(() => recordsOf(s.watcher.doc).has(marker), 'the later accepted update at the watcher')
    const serverRecords = recordsOf(server.rooms.get(s.id)!.doc)
    const stored = await storedRecords(s.id)
    for (const [key, json] of before) {
      expect(JSON.stringify(serverRecords.get(key)), `server ${key}`).toBe(json)
      expect(JSON.stringify(recordsOf(s.watcher.doc).get(key)), `watcher ${key}`).toBe(json)
      expect(JSON.stringify(stored.get(key)), `stored ${key}`).toBe(json)
    }
    expect(serverRecords.map.size).toBe(before.size + 1)
    expect(await registerRows(s.id)).toEqual(rowsBefore)
  }

  /** Like expectRefused, for a change that is allowed: it arrives at the watcher. */
  async function expectAccepted(s: Scene, change: (doc: Y.Doc) => void, arrived: (watcher: Y.Doc) => boolean) {
    const writer = connect(s.id, { token: s.token })
    await writer.synced
    change(writer.doc)
    await waitFor(() => arrived(s.watcher.doc), 'the accepted change at the watcher')
    expect(writer.provider.wsconnected).toBe(true)
    writer.destroy()
  }

  const edit = (doc: Y.Doc, id: string, fn: (r: StoredRecord) => StoredRecord) => {
    const kv = recordsOf(doc)
    kv.set(id, fn(kv.get(id)!))
  }
  const meta = (r: StoredRecord) => r.meta as Record<string, unknown>

  it('[W1][W6][W13] deleting every record of the board is refused whole; nothing is lost anywhere; the refusal is audited with its rule', async () => {
    const s = await scene()
    await expectRefused(s, (doc) => doc.getArray('tldraw').delete(0, doc.getArray('tldraw').length))
    expect(readBoard(allRecords(server.rooms.get(s.id)!.doc)).stickies.length).toBe(4)
    const audit = await waitFor(async () => {
      const res = await server.api<AuditEntry[]>('GET', '/api/audit')
      return res.body.find((e) => e.action === 'board.refused' && e.sessionId === s.id)
    }, 'the audit entry of the refusal')
    expect(audit.actor).toBe(`participant:${s.writerId}`)
    expect(audit.detail).toMatch(/^W(6|13): /)
  })

  it('[W2] a connection without a board role writes nothing, whatever its grant says', async () => {
    const { writerOf } = await import('../../server/integrity/filterUpdate')
    expect(writerOf({ kind: 'anonymous', id: 'anonymous' })).toBeNull()
    expect(writerOf({ kind: 'participant', id: 'p', name: 'W', organisation: '', role: 'waarnemer', sessionId: 's', inviteId: 'i' })).toBeNull()
    expect(writerOf({ kind: 'participant', id: 'p', name: 'D', organisation: '', role: 'deelnemer', sessionId: 's', inviteId: 'i' })).toEqual({ role: 'deelnemer', id: 'p' })
  })

  it('[W6] a deelnemer deletes their own sticky but not another person’s', async () => {
    const s = await scene()
    await expectRefused(s, (doc) => recordsOf(doc).delete(s.others))
    await expectAccepted(s, (doc) => recordsOf(doc).delete(s.own), (w) => !recordsOf(w).has(s.own))
  })

  it('[W5] a deelnemer edits the text of their own sticky but not another person’s, nor retags it', async () => {
    const s = await scene()
    await expectRefused(s, (doc) => edit(doc, s.others, (r) => ({ ...r, props: { ...(r.props as object), richText: toRichText('Overschreven') } })))
    await expectRefused(s, (doc) => edit(doc, s.others, (r) => ({ ...r, meta: { ...meta(r), tag: 'belemmerend' } })))
    await expectAccepted(
      s,
      (doc) => edit(doc, s.own, (r) => ({ ...r, props: { ...(r.props as object), richText: toRichText('Aangepast') } })),
      (w) => readBoard(allRecords(w)).stickies.some((st) => st.id === s.own && st.text === 'Aangepast'),
    )
  })

  it('[W4] a deelnemer moves another person’s sticky (clustering)', async () => {
    const s = await scene()
    await expectAccepted(
      s,
      (doc) => edit(doc, s.others, (r) => ({ ...r, x: 1234, y: 567 })),
      (w) => recordsOf(w).get(s.others)?.x === 1234,
    )
  })

  it('[W7] a deelnemer cannot change the status of a regelruimte request, not even to grant it; the register stays as it was', async () => {
    const s = await scene()
    await expectRefused(s, (doc) => edit(doc, s.request, (r) => ({ ...r, meta: { ...meta(r), status: 'toegekend' } })))
    // Their own request: the fields yes, the status no.
    await expectRefused(s, (doc) => {
      addSticky(doc, { text: 'Mijn verzoek', tag: 'regelruimte', author: { id: s.writerId, name: 'Dirk', organisation: '' }, extraMeta: { status: 'toegekend' } })
    })
    const [row] = await registerRows(s.id)
    expect(row?.status).toBe('ingediend')
  })

  it('[W9] a deelnemer cannot create a sticky in another person’s name nor change the author or creation time of one', async () => {
    const s = await scene()
    await expectRefused(s, (doc) => {
      addSticky(doc, { text: 'Namens Anna', tag: 'conclusie', author: { id: 'anna', name: 'Anna', organisation: 'NZa' } })
    })
    await expectRefused(s, (doc) => edit(doc, s.own, (r) => ({ ...r, meta: { ...meta(r), author: { id: 'anna', name: 'Anna', organisation: 'NZa' } } })))
    await expectRefused(s, (doc) => edit(doc, s.own, (r) => ({ ...r, meta: { ...meta(r), createdAt: '2016-06-13T09:00:00.000Z' } })))
    await expectRefused(s, (doc) => {
      addSticky(doc, { text: 'Uit de toekomst', tag: 'opmerking', author: { id: s.writerId, name: 'Dirk', organisation: '' }, now: new Date(Date.now() + 86_400_000) })
    })
  })

  /** The organiser opens dot voting (F10): the facilitation map as the board writes it. */
  async function startVoting(s: Scene, budget = 3) {
    s.admin.doc.transact(() => {
      s.admin.doc.getMap('facilitation').set('phase', 'stemmen')
      s.admin.doc.getMap('facilitation').set('voteBudget', budget)
    })
    await waitFor(() => server.rooms.get(s.id)?.doc.getMap('facilitation').get('phase') === 'stemmen', 'the stemmen phase on the server')
  }

  it('[W8] a deelnemer votes as themselves only: forged votes for three people are refused, their own vote is accepted', async () => {
    const s = await scene()
    await startVoting(s)
    await expectRefused(s, (doc) => edit(doc, s.request, (r) => ({ ...r, meta: { ...meta(r), votes: { anna: 100, bert: 100, [s.writerId]: 100 } } })))
    await expectAccepted(
      s,
      (doc) => edit(doc, s.request, (r) => ({ ...r, meta: { ...meta(r), votes: { [s.writerId]: 2 } } })),
      (w) => (meta(recordsOf(w).get(s.request)!).votes as Record<string, number> | undefined)?.[s.writerId] === 2,
    )
  })

  it('[W21] dots written straight into the document obey the vote budget: none outside stemmen, none beyond the budget, taking back always works', async () => {
    const s = await scene()
    const myDots = (doc: Y.Doc, id: string) => (meta(recordsOf(doc).get(id)!).votes as Record<string, number> | undefined)?.[s.writerId]
    await expectRefused(s, (doc) => edit(doc, s.request, (r) => ({ ...r, meta: { ...meta(r), votes: { [s.writerId]: 1 } } })))
    await startVoting(s, 3)
    await expectAccepted(s, (doc) => edit(doc, s.request, (r) => ({ ...r, meta: { ...meta(r), votes: { [s.writerId]: 2 } } })), (w) => myDots(w, s.request) === 2)
    // Two more across two stickies would make four: refused whole.
    await expectRefused(s, (doc) => {
      edit(doc, s.others, (r) => ({ ...r, meta: { ...meta(r), votes: { [s.writerId]: 2 } } }))
    })
    await expectAccepted(s, (doc) => edit(doc, s.others, (r) => ({ ...r, meta: { ...meta(r), votes: { [s.writerId]: 1 } } })), (w) => myDots(w, s.others) === 1)
    await expectAccepted(s, (doc) => edit(doc, s.request, (r) => ({ ...r, meta: { ...meta(r), votes: {} } })), (w) => myDots(w, s.request) === undefined)
  })

  it('[W10][W11] sheets and arrows belong to coördinator and secretariaat: a deelnemer cannot draw either', async () => {
    const s = await scene()
    await expectRefused(s, (doc) => {
      const frame = frameRecord({ id: 'shape:eigenvel', name: 'Eigen vel', x: 0, y: 2000, w: 400, h: 400, index: 'a9' })
      recordsOf(doc).set(frame.id, frame)
    })
    await expectRefused(s, (doc) => {
      for (const r of linkRecords({ arrowId: 'shape:pijl', fromId: s.own, toId: s.others, from: { x: 0, y: 0 }, to: { x: 100, y: 100 }, index: 'a9' })) {
        recordsOf(doc).set(r.id, r)
      }
    })
  })

  it('[W16] secretariaat (invite) sets a status, draws a sheet and deletes another person’s sticky', async () => {
    const s = await scene()
    const secretariaat = connect(s.id, { token: (await createInvite(server, s.id, 'secretariaat')).token })
    await secretariaat.synced
    secretariaat.doc.transact(() => {
      edit(secretariaat.doc, s.request, (r) => ({ ...r, meta: { ...meta(r), status: 'toegekend' } }))
      recordsOf(secretariaat.doc).delete(s.own)
      const frame = frameRecord({ id: 'shape:nieuwvel', name: 'Nieuw vel', x: 0, y: 2000, w: 400, h: 400, index: 'a9' })
      recordsOf(secretariaat.doc).set(frame.id, frame)
    })
    await waitFor(() => recordsOf(s.watcher.doc).has('shape:nieuwvel') && !recordsOf(s.watcher.doc).has(s.own), 'the secretariaat’s changes')
    await waitFor(async () => (await registerRows(s.id))[0]?.status === 'toegekend', 'the new status in the register')
  })
})
