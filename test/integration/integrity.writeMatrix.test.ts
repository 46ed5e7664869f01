/**
 * The write-rules matrix, generated from the one table (shared/writeRules.ts,
 * SPEC W3–W16): every row × role is tried by a stock y-websocket client of
 * that role — a deelnemer and a secretariaat by invite token, a coördinator
 * by account cookie — and must be accepted (it reaches a watching client)
 * exactly when the table says so, else refused with WriteRefused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { frameRecord, linkRecords, PAGE_ID } from '../../shared/records'
import { toRichText } from '../../shared/richText'
import { CloseCode } from '../../shared/closeCodes'
import { mayWrite, WRITE_RULES, writerIdOf, type BoardRole, type WriteSubject } from '../../shared/writeRules'
import { addSticky, recordsOf, writeSessionInfo, type StoredRecord } from '../../shared/ydoc'
import { createInvite, login, PASSWORD } from '../helpers/accessFixture'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor, withTimeout } from '../helpers/waitFor'

interface Case {
  subject: WriteSubject
  /** Whether the record it touches is the writer's own. */
  own: boolean
  name: string
  /** Makes the change in the writer's doc; returns a check that the watcher has it. */
  act(doc: Y.Doc, ctx: { writerId: string; own: string; others: string }): (watcher: Y.Doc) => boolean
}

const edit = (doc: Y.Doc, id: string, fn: (r: StoredRecord) => StoredRecord) => recordsOf(doc).set(id, fn(recordsOf(doc).get(id)!))
const metaOf = (r: StoredRecord | undefined) => (r?.meta ?? {}) as Record<string, unknown>
let counter = 0
const fresh = (prefix: string) => `shape:${prefix}${++counter}`

const CASES: Case[] = [
  {
    subject: 'createSticky', own: true, name: 'create a sticky of one’s own',
    act: (doc, { writerId }) => {
      const id = addSticky(doc, { text: 'Nieuw', tag: 'opmerking', author: { id: writerId, name: 'Ik', organisation: '' } }).id
      return (w) => recordsOf(w).has(id)
    },
  },
  {
    subject: 'moveSticky', own: false, name: 'move another’s sticky',
    act: (doc, { others }) => {
      const x = 5_000 + ++counter
      edit(doc, others, (r) => ({ ...r, x }))
      return (w) => recordsOf(w).get(others)?.x === x
    },
  },
  {
    subject: 'editSticky', own: false, name: 'edit the text of another’s sticky',
    act: (doc, { others }) => {
      const text = `Tekst ${++counter}`
      edit(doc, others, (r) => ({ ...r, props: { ...(r.props as object), richText: toRichText(text) } }))
      return (w) => JSON.stringify(recordsOf(w).get(others)).includes(text)
    },
  },
  {
    subject: 'editSticky', own: true, name: 'edit the text of one’s own sticky',
    act: (doc, { own }) => {
      const text = `Eigen ${++counter}`
      edit(doc, own, (r) => ({ ...r, props: { ...(r.props as object), richText: toRichText(text) } }))
      return (w) => JSON.stringify(recordsOf(w).get(own)).includes(text)
    },
  },
  {
    subject: 'setStatus', own: false, name: 'set a regelruimte status',
    act: (doc, { others }) => {
      const status = counter++ % 2 ? 'toegekend' : 'afgewezen'
      edit(doc, others, (r) => ({ ...r, meta: { ...metaOf(r), status } }))
      return (w) => metaOf(recordsOf(w).get(others)).status === status
    },
  },
  {
    subject: 'vote', own: true, name: 'vote as oneself',
    act: (doc, { others, writerId }) => {
      const n = 1 + (++counter % 5)
      edit(doc, others, (r) => ({ ...r, meta: { ...metaOf(r), votes: { ...(metaOf(r).votes as object), [writerId]: n } } }))
      return (w) => (metaOf(recordsOf(w).get(others)).votes as Record<string, number> | undefined)?.[writerId] === n
    },
  },
  {
    subject: 'vote', own: false, name: 'vote in another’s name',
    act: (doc, { others }) => {
      edit(doc, others, (r) => ({ ...r, meta: { ...metaOf(r), votes: { ...(metaOf(r).votes as object), anna: 99 } } }))
      return (w) => (metaOf(recordsOf(w).get(others)).votes as Record<string, number> | undefined)?.anna === 99
    },
  },
  {
    subject: 'sheets', own: false, name: 'draw a sheet',
    act: (doc) => {
      const id = fresh('vel')
      recordsOf(doc).set(id, frameRecord({ id, name: 'Vel', x: 0, y: 4000, w: 400, h: 400, index: 'a9' }))
      return (w) => recordsOf(w).has(id)
    },
  },
  {
    subject: 'links', own: false, name: 'draw an arrow',
    act: (doc, { own, others }) => {
      const arrowId = fresh('pijl')
      for (const r of linkRecords({ arrowId, fromId: own, toId: others, from: { x: 0, y: 0 }, to: { x: 10, y: 10 }, index: 'a9' })) recordsOf(doc).set(r.id, r)
      return (w) => recordsOf(w).has(arrowId)
    },
  },
  {
    subject: 'pageAndDocument', own: false, name: 'rename the page',
    act: (doc) => {
      const name = `Pagina ${++counter}`
      edit(doc, PAGE_ID, (r) => ({ ...r, name } as StoredRecord))
      return (w) => (recordsOf(w).get(PAGE_ID) as { name?: string } | undefined)?.name === name
    },
  },
  {
    subject: 'sessionRoots', own: false, name: 'change the session title',
    act: (doc) => {
      const title = `Titel ${++counter}`
      writeSessionInfo(doc, { title })
      return (w) => w.getMap('session').get('title') === title
    },
  },
  {
    subject: 'otherRoots', own: false, name: 'write a root of its own',
    act: (doc) => {
      const key = `k${++counter}`
      doc.getMap('eigen').set(key, 1)
      return (w) => w.getMap('eigen').get(key) === 1
    },
  },
  {
    subject: 'deleteSticky', own: false, name: 'delete another’s sticky',
    act: (doc, { others }) => {
      recordsOf(doc).delete(others)
      return (w) => !recordsOf(w).has(others)
    },
  },
]

describe('the write-rules matrix, from the table (W3–W16)', () => {
  let server: TestServer
  let sessionId: string
  let watcher: YClient
  const tokens: Partial<Record<BoardRole, { token: string; writerId: string }>> = {}
  let coordinatorCookie = ''
  let coordinatorId = ''

  beforeAll(async () => {
    server = await startTestServer()
    await server.access.addUser({ email: 'anna@groep.nl', name: 'Anna', role: 'coordinator', password: PASSWORD })
    const cred = await login(server, 'anna@groep.nl')
    coordinatorCookie = cred.cookie!
    const created = await server.api<{ id: string }>('POST', '/api/sessions', { title: 'Matrix', themagroep: 'Groep M' }, cred.unsafeHeaders)
    sessionId = created.body.id
    const me = await server.api<{ me: { id: string } }>('GET', '/api/auth/me', undefined, cred.headers)
    coordinatorId = writerIdOf({ kind: 'user', id: me.body.me.id })
    for (const role of ['deelnemer', 'secretariaat'] as const) {
      const invite = await createInvite(server, sessionId, role)
      tokens[role] = { token: invite.token, writerId: `invite-${invite.id}` }
    }
    watcher = connectYClient(server.wsUrl, sessionId)
    await watcher.synced
    // Votes count only while voting (W21): the organiser opens it with room for every case.
    watcher.doc.transact(() => {
      watcher.doc.getMap('facilitation').set('phase', 'stemmen')
      watcher.doc.getMap('facilitation').set('voteBudget', 50)
    })
    await waitFor(() => server.rooms.get(sessionId)?.doc.getMap('facilitation').get('phase') === 'stemmen', 'voting open on the server')
  })
  afterAll(async () => {
    watcher?.destroy()
    await server?.close()
    removeTempDirs()
  })

  function connectAs(role: BoardRole): YClient {
    if (role !== 'coordinator') return connectYClient(server.wsUrl, sessionId, { params: { token: tokens[role]!.token } })
    const cookie = coordinatorCookie
    const origin = server.url
    class CookieSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie, origin } })
      }
    }
    const doc = new Y.Doc()
    return connectYClient(server.wsUrl, sessionId, { params: {}, doc, socket: CookieSocket as unknown as typeof globalThis.WebSocket })
  }

  for (const role of ['deelnemer', 'secretariaat', 'coordinator'] as const) {
    for (const c of CASES) {
      const allowed = mayWrite(role, c.subject, c.own)
      it(`[${WRITE_RULES[c.subject].id}] ${role}: ${c.name} → ${allowed ? 'accepted' : 'refused'}`, async () => {
        const writerId = role === 'coordinator' ? coordinatorId : tokens[role]!.writerId
        // Fresh stickies per case: one of the writer's own, one of someone else's.
        const others = addSticky(watcher.doc, { text: 'Van een ander', tag: 'regelruimte', author: { id: 'anna', name: 'Anna', organisation: '' } }).id
        const own = addSticky(watcher.doc, { text: 'Van mij', tag: 'opmerking', author: { id: writerId, name: 'Ik', organisation: '' } }).id
        const writer = connectAs(role)
        try {
          await writer.synced
          await waitFor(() => recordsOf(writer.doc).has(own) && recordsOf(writer.doc).has(others), 'the case’s stickies at the writer')
          const arrived = c.act(writer.doc, { writerId, own, others })
          if (allowed) {
            await waitFor(() => arrived(watcher.doc), `${role} ${c.name} at the watcher`)
          } else {
            expect(await withTimeout(writer.serverClosed, `${role} ${c.name} refused`)).toBe(CloseCode.WriteRefused)
            // Shown unchanged by a later accepted change arriving without it.
            const marker = addSticky(watcher.doc, { text: 'Later', tag: 'opmerking' }).id
            const check = connectYClient(server.wsUrl, sessionId)
            try {
              await check.synced
              await waitFor(() => recordsOf(check.doc).has(marker), 'the later change')
              expect(arrived(check.doc)).toBe(false)
            } finally {
              check.destroy()
            }
          }
        } finally {
          writer.destroy()
        }
      })
    }
  }
})
