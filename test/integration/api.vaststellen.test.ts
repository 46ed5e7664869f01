/**
 * Vaststellen and versions against a real server (SQLite): numbered versions,
 * frozen content that later edits leave alone, "laatst gewijzigd op", the
 * default "geplaatst op", and the audit entry.
 */
import mammoth from 'mammoth'
import { afterEach, describe, expect, it } from 'vitest'
import { recordsOf, writeSessionInfo, Y_SESSION, type StoredRecord } from '../../shared/ydoc'
import { verslagSchema, type Verslag } from '../../shared/verslag/schema'
import { versionListSchema, type VerslagVersionSummary } from '../../shared/verslag/versions'
import { amsterdamDate } from '../../server/verslag/versions/amsterdamDate'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { restartTestServer, startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

describe('HTTP API: vaststellen and versions', () => {
  let server: TestServer

  afterEach(async () => {
    await server?.close()
    removeTempDirs()
  })

  const get = (p: string) => fetch(`${server.url}${p}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })
  const json = async (p: string): Promise<Verslag> => verslagSchema.parse(await (await get(p)).json())
  const addSticky = async (id: string, text: string, tag = 'conclusie') => {
    const res = await server.api('POST', `/api/sessions/${id}/stickies`, { text, tag, sheet: 'Conclusies' })
    expect(res.status).toBe(201)
  }
  const vaststellen = async (id: string) => {
    const res = await server.api<VerslagVersionSummary>('POST', `/api/sessions/${id}/vaststellen`)
    expect(res.status).toBe(201)
    return res.body
  }

  /**
   * A vastgesteld control session. Checks for "laatst gewijzigd op" are
   * debounced by one delay and run in the order they were scheduled, so once
   * a real edit of the control session (made after the change under test)
   * shows its date, the check of that earlier change has run too: "nothing
   * happened" is shown by the event that came after it, not by waiting.
   */
  const controlSession = async () => {
    const control = await server.createSession({ title: 'Controle' })
    await addSticky(control.id, 'Controle')
    await vaststellen(control.id)
    return {
      id: control.id,
      /** Marks the control's date as old, so that its next edit visibly dates it. */
      async backdate() {
        await server.rooms.withRoom(control.id, (room) => room.transact((doc) => doc.getMap(Y_SESSION).set('laatstGewijzigdOp', '2000-01-01')))
      },
      /** A real edit of the control session, and its date in the live verslag. */
      async editAndWait(text: string) {
        await addSticky(control.id, text)
        const today = amsterdamDate(new Date())
        await waitFor(async () => (await json(`/api/sessions/${control.id}/verslag.json`)).laatstGewijzigdOp === today, 'the control session dated')
      },
    }
  }

  it('[V15][V25] numbers versions 1, 2, … and lists them; each frozen download stays as it was after later edits', async () => {
    server = await startTestServer()
    const session = await server.createSession()
    await addSticky(session.id, 'Huisarts blijft hoofdbehandelaar')
    const today = amsterdamDate(new Date())

    const first = await vaststellen(session.id)
    expect(first).toMatchObject({ versie: 1, vastgesteldOp: today, actorName: expect.any(String), hasPicture: false })
    const frozenJson = await (await get(`/api/sessions/${session.id}/versions/1/verslag.json`)).text()
    const frozenMd = await (await get(`/api/sessions/${session.id}/versions/1/verslag.md`)).text()
    const frozenPdf = Buffer.from(await (await get(`/api/sessions/${session.id}/versions/1/verslag.pdf`)).arrayBuffer())
    expect(frozenPdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(verslagSchema.parse(JSON.parse(frozenJson)).vaststelling).toEqual({ versie: 1, vastgesteldOp: today })
    expect(frozenMd).toContain('Huisarts blijft hoofdbehandelaar')

    await addSticky(session.id, 'Later toegevoegde conclusie')
    await server.rooms.withRoom(session.id, (room) => room.transact((doc) => writeSessionInfo(doc, { intro: 'Een nieuwe inleiding.' })))

    expect(await (await get(`/api/sessions/${session.id}/versions/1/verslag.json`)).text()).toBe(frozenJson)
    const laterMd = await (await get(`/api/sessions/${session.id}/versions/1/verslag.md`)).text()
    expect(laterMd).toBe(frozenMd)
    // [V25] the frozen version's PDF is the same bytes whatever happened to the board since.
    expect(Buffer.compare(Buffer.from(await (await get(`/api/sessions/${session.id}/versions/1/verslag.pdf`)).arrayBuffer()), frozenPdf)).toBe(0)
    expect(laterMd).not.toContain('Later toegevoegde conclusie')
    expect(await (await get(`/api/sessions/${session.id}/verslag.md`)).text()).toContain('Later toegevoegde conclusie')

    const second = await vaststellen(session.id)
    expect(second.versie).toBe(2)
    const list = versionListSchema.parse(await (await get(`/api/sessions/${session.id}/versions`)).json())
    expect(list.versions.map((v) => v.versie)).toEqual([1, 2])
    expect((await json(`/api/sessions/${session.id}/versions/2/verslag.json`)).intro).toEqual(['Een nieuwe inleiding.'])
    expect((await json(`/api/sessions/${session.id}/versions/1/verslag.json`)).intro).toEqual([])

    const docx = await get(`/api/sessions/${session.id}/versions/1/verslag.docx`)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''v1%20Verslag/)
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })
    expect(value).toContain('Huisarts blijft hoofdbehandelaar')
    expect(value).not.toContain('Later toegevoegde conclusie')
    expect(value).toContain('Versie 1')
  })

  it('[V16] after a vaststelling a later edit makes the live verslag say "Laatst gewijzigd op"; the next vaststelling clears it', async () => {
    server = await startTestServer()
    const session = await server.createSession()
    const control = await controlSession()
    await addSticky(session.id, 'Eerste conclusie')
    await vaststellen(session.id)
    // The vaststelling itself is no change.
    await control.editAndWait('Na de vaststelling')
    expect((await json(`/api/sessions/${session.id}/verslag.json`)).laatstGewijzigdOp).toBeUndefined()

    await addSticky(session.id, 'Tweede conclusie')
    const today = amsterdamDate(new Date())
    const live = await waitFor(async () => {
      const v = await json(`/api/sessions/${session.id}/verslag.json`)
      return v.laatstGewijzigdOp ? v : null
    }, 'laatstGewijzigdOp in the live verslag')
    expect(live.laatstGewijzigdOp).toBe(today)
    expect(await (await get(`/api/sessions/${session.id}/verslag.md`)).text()).toMatch(/Laatst gewijzigd op: \S+/)

    await vaststellen(session.id)
    const after = await json(`/api/sessions/${session.id}/verslag.json`)
    expect(after.laatstGewijzigdOp).toBeUndefined()
    expect(after.vaststelling?.versie).toBe(2)
  })

  it('[V16] a change that leaves the verslag as it was dates nothing, also after a restart; a real change dates today', async () => {
    server = await startTestServer()
    const control = await controlSession()
    const session = await server.createSession()
    await addSticky(session.id, 'Eerste conclusie')
    await vaststellen(session.id)
    // A record that is no part of the verslag (tldraw writes one per user).
    const userRecord = (id: string): StoredRecord => {
      const record = { id: `user:${id}`, typeName: 'user', name: id, meta: {} }
      return record
    }
    await server.rooms.withRoom(session.id, (room) => room.transact((doc) => recordsOf(doc).set('user:a', userRecord('a'))))
    await control.editAndWait('Na het user-record')
    expect((await json(`/api/sessions/${session.id}/verslag.json`)).laatstGewijzigdOp).toBeUndefined()

    await addSticky(session.id, 'Tweede conclusie')
    await waitFor(async () => (await json(`/api/sessions/${session.id}/verslag.json`)).laatstGewijzigdOp, 'laatstGewijzigdOp')
    // As if that change was made on an earlier day.
    await server.rooms.withRoom(session.id, (room) => room.transact((doc) => doc.getMap(Y_SESSION).set('laatstGewijzigdOp', '2026-01-05')))
    await control.backdate()
    server = await restartTestServer(server)
    await server.rooms.withRoom(session.id, (room) => room.transact((doc) => recordsOf(doc).set('user:b', userRecord('b'))))
    await control.editAndWait('Na de herstart')
    expect((await json(`/api/sessions/${session.id}/verslag.json`)).laatstGewijzigdOp).toBe('2026-01-05')

    await addSticky(session.id, 'Derde conclusie')
    const today = amsterdamDate(new Date())
    await waitFor(async () => (await json(`/api/sessions/${session.id}/verslag.json`)).laatstGewijzigdOp === today, 'laatstGewijzigdOp of today')
  })

  it('[V16] "Geplaatst op" defaults to the date of the first vaststelling and keeps a date set by the secretariaat', async () => {
    server = await startTestServer()
    const unset = await server.createSession()
    const set = await server.createSession({ title: 'Met datum' })
    await server.rooms.withRoom(set.id, (room) => room.transact((doc) => writeSessionInfo(doc, { geplaatstOp: '2016-06-22' })))
    expect((await json(`/api/sessions/${unset.id}/verslag.json`)).geplaatstOp).toBeUndefined()
    const first = await vaststellen(unset.id)
    await vaststellen(set.id)
    expect((await json(`/api/sessions/${unset.id}/verslag.json`)).geplaatstOp).toBe(first.vastgesteldOp)
    expect((await json(`/api/sessions/${set.id}/verslag.json`)).geplaatstOp).toBe('2016-06-22')
  })

  it('[V15][P18] concurrent vaststellingen get distinct numbers and each is in the audit log', async () => {
    server = await startTestServer()
    const session = await server.createSession()
    const answers = await Promise.all([1, 2, 3].map(() => server.api<VerslagVersionSummary>('POST', `/api/sessions/${session.id}/vaststellen`)))
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201])
    expect(answers.map((a) => a.body.versie).sort()).toEqual([1, 2, 3])
    const audit = await waitFor(async () => {
      const entries = (await server.storage.audit.list()).filter((e) => e.action === 'verslag.vaststellen' && e.sessionId === session.id)
      return entries.length === 3 ? entries : null
    }, 'three audit entries')
    expect(audit.every((e) => e.actor === 'admin')).toBe(true)
  })

  it('[V15] an unknown version or format answers 404 JSON', async () => {
    server = await startTestServer()
    const session = await server.createSession()
    for (const p of ['versions/1/verslag.md', 'versions/0/verslag.json', 'versions/x/verslag.json', 'versions/01/verslag.md']) {
      const res = await get(`/api/sessions/${session.id}/${p}`)
      expect(res.status, p).toBe(404)
      expect(await res.json()).toMatchObject({ error: 'version_not_found' })
    }
    await vaststellen(session.id)
    const res = await get(`/api/sessions/${session.id}/versions/1/verslag.odt`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: 'version_not_found' })
  })
})
