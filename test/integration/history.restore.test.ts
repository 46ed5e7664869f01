/**
 * Board history through the API with stock y-websocket clients watching
 * (SPEC H1–H9, P21): versions taken before a wipe, at a phase change and a
 * vaststelling, periodically; restore as one live change; retention.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoard } from '../../shared/boardModel'
import type { HistoryList, HistoryVersion, RestoreResponse } from '../../shared/history'
import { allRecords, recordsOf, Y_FACILITATION, Y_SESSION } from '../../shared/ydoc'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

const TEXTS = ['Korte lijnen met de huisarts', 'Geen bekostiging buiten het verpleeghuis', 'Gedeeld dossier', 'Wachtlijst SO', 'Regionale afspraken', 'Mantelzorg ontlasten', 'Scholing', 'Triage in de wijk']

describe('board history and restore', () => {
  let server: TestServer
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  const connect = async (id: string) => {
    const client = connectYClient(server.wsUrl, id)
    clients.push(client)
    await client.synced
    return client
  }

  const stickyTexts = (doc: Y.Doc) => readBoard(allRecords(doc)).stickies.map((s) => s.text).sort()

  async function boardWithStickies(): Promise<string> {
    const { id } = await server.createSession()
    for (const [i, text] of TEXTS.entries()) {
      const res = await server.api('POST', `/api/sessions/${id}/stickies`, { text, tag: i % 2 ? 'belemmerend' : 'bevorderend', sheet: 'Samenwerking' })
      expect(res.status).toBe(201)
    }
    return id
  }

  const history = async (id: string) => {
    const res = await server.api<HistoryList>('GET', `/api/sessions/${id}/history`)
    expect(res.status).toBe(200)
    return res.body.versions
  }

  it('[H3] a stock client deleting every record is preceded by a version that holds the whole board', async () => {
    server = await startTestServer()
    const id = await boardWithStickies()
    const wiper = await connect(id)
    const watcher = await connect(id)
    const before = await history(id)
    expect(before.some((v) => v.kind === 'before-delete')).toBe(false)

    const array = wiper.doc.getArray('tldraw')
    array.delete(0, array.length)
    await waitFor(() => watcher.doc.getArray('tldraw').length === 0, 'the wipe on the watcher')

    const versions = await history(id)
    const taken = versions.find((v) => v.kind === 'before-delete')
    expect(taken).toBeDefined()
    expect(taken!.counts).toEqual({ stickies: TEXTS.length, sheets: expect.any(Number), links: 0 })
    expect(taken!.counts.sheets).toBeGreaterThan(0)
    expect(taken!.actorNames).toEqual(['Beheer (token)'])
    expect(Number(taken!.detail)).toBeGreaterThan(TEXTS.length)

    const preview = await server.api<HistoryVersion>('GET', `/api/sessions/${id}/history/${taken!.version}`)
    expect(preview.status).toBe(200)
    expect(readBoard(preview.body.content.records).stickies.map((s) => s.text).sort()).toEqual([...TEXTS].sort())
    expect(preview.body.content.session.title).toBe('Brownpapersessie bekostiging')
  })

  it('[H3] deleting a few records or editing many takes no version; deleting more than the threshold does', async () => {
    server = await startTestServer({ history: { deleteThreshold: 3 } })
    const id = await boardWithStickies()
    const client = await connect(id)
    const notes = () => allRecords(client.doc).filter((r) => r.type === 'note')
    const kv = recordsOf(client.doc)
    // Editing every sticky deletes and re-inserts each YKeyValue entry: a change, not a deletion.
    client.doc.transact(() => {
      for (const note of notes()) kv.set(note.id, { ...note, x: (note.x ?? 0) + 10 })
    })
    client.doc.transact(() => {
      for (const note of notes().slice(0, 3)) kv.delete(note.id)
    })
    // Then four at once: the only version before a deletion must be this one.
    const remaining = notes()
    client.doc.transact(() => {
      for (const note of remaining.slice(0, 4)) kv.delete(note.id)
    })
    // Versions are stored in order: once the second one is listed, a first one would be too.
    await waitFor(async () => (await history(id)).some((v) => v.kind === 'before-delete'), 'the version')
    const all = (await history(id)).filter((v) => v.kind === 'before-delete')
    expect(all).toHaveLength(1)
    expect(all[0]!.detail).toBe('4')
    expect(all[0]!.counts.stickies).toBe(TEXTS.length - 3)
  })

  it('[H3] a large deletion after only deletions takes no new version: the one before holds everything', async () => {
    server = await startTestServer({ history: { deleteThreshold: 2, deleteGapMs: 0 } })
    const id = await boardWithStickies()
    const client = await connect(id)
    const kv = recordsOf(client.doc)
    const notes = () => allRecords(client.doc).filter((r) => r.type === 'note')
    client.doc.transact(() => notes().slice(0, 3).forEach((n) => kv.delete(n.id)))
    client.doc.transact(() => notes().slice(0, 3).forEach((n) => kv.delete(n.id)))
    // Frames of one socket are handled in order: once this phase version is listed, both deletions were.
    client.doc.getMap(Y_FACILITATION).set('phase', 'clusteren')
    await waitFor(async () => (await history(id)).some((v) => v.detail === 'clusteren'), 'the phase version after the deletions')
    const taken = (await history(id)).filter((v) => v.kind === 'before-delete')
    expect(taken).toHaveLength(1)
    expect(taken[0]!.counts.stickies).toBe(TEXTS.length)
    // After an addition, a large deletion is versioned again.
    const added = { ...notes()[0]!, id: 'shape:nieuw' }
    kv.set(added.id, added)
    client.doc.transact(() => notes().slice(0, 3).forEach((n) => kv.delete(n.id)))
    await waitFor(async () => (await history(id)).filter((v) => v.kind === 'before-delete').length === 2, 'a second version')
  })

  it('[H3] bursts of adding and deleting many records take at most one version a second', async () => {
    server = await startTestServer({ history: { deleteThreshold: 2 } })
    const id = await boardWithStickies()
    const client = await connect(id)
    const kv = recordsOf(client.doc)
    const note = allRecords(client.doc).find((r) => r.type === 'note')!
    for (let burst = 0; burst < 20; burst++) {
      const ids = [0, 1, 2].map((i) => `shape:burst-${burst}-${i}`)
      client.doc.transact(() => ids.forEach((shapeId) => kv.set(shapeId, { ...note, id: shapeId })))
      client.doc.transact(() => ids.forEach((shapeId) => kv.delete(shapeId)))
    }
    client.doc.getMap(Y_FACILITATION).set('phase', 'delen')
    await waitFor(async () => (await history(id)).some((v) => v.kind === 'phase'), 'the phase version after the bursts')
    const taken = (await history(id)).filter((v) => v.kind === 'before-delete')
    expect(taken.length).toBeGreaterThan(0)
    expect(taken.length).toBeLessThanOrEqual(3)
  })

  it('[H6] restoring through the API brings the stickies back on every open board as one change, preceded by a version', async () => {
    server = await startTestServer()
    const id = await boardWithStickies()
    const wiper = await connect(id)
    const watcher = await connect(id)
    const array = wiper.doc.getArray('tldraw')
    array.delete(0, array.length)
    await waitFor(() => watcher.doc.getArray('tldraw').length === 0, 'the wipe on the watcher')
    const versionBeforeWipe = await waitFor(async () => (await history(id)).find((v) => v.kind === 'before-delete'), 'the version before the wipe')

    let updates = 0
    watcher.doc.on('update', () => updates++)
    const res = await server.api<RestoreResponse>('POST', `/api/sessions/${id}/history/${versionBeforeWipe.version}/restore`)
    expect(res.status).toBe(200)
    expect(res.body.restored).toBe(versionBeforeWipe.version)
    expect(res.body.before.kind).toBe('before-restore')
    expect(res.body.before.counts.stickies).toBe(0)
    expect(res.body.changed.deleted).toBe(0)
    expect(res.body.changed.set).toBeGreaterThan(TEXTS.length)

    await waitFor(() => stickyTexts(watcher.doc).length === TEXTS.length, 'the stickies back on the watcher')
    expect(stickyTexts(watcher.doc)).toEqual([...TEXTS].sort())
    expect(stickyTexts(wiper.doc)).toEqual([...TEXTS].sort())
    expect(updates).toBe(1)
    expect(readBoard(allRecords(watcher.doc)).sheets.length).toBe(versionBeforeWipe.counts.sheets)

    // The restore can be undone: restoring the version taken before it empties the board again.
    const undo = await server.api<RestoreResponse>('POST', `/api/sessions/${id}/history/${res.body.before.version}/restore`)
    expect(undo.status).toBe(200)
    await waitFor(() => stickyTexts(watcher.doc).length === 0, 'the undo on the watcher')

    const audit = await server.api<{ action: string; detail: string; sessionId: string }[]>('GET', '/api/audit')
    const restores = audit.body.filter((e) => e.action === 'history.restore')
    expect(restores).toHaveLength(2)
    expect(restores.every((e) => e.sessionId === id)).toBe(true)
    expect(restores[1]!.detail).toContain(`versie ${versionBeforeWipe.version} teruggezet`)
  })

  it('[H7] a restore sets the session details back but keeps the vaststelling and the publication dates', async () => {
    server = await startTestServer({ history: { intervalMs: 100 } })
    const id = await boardWithStickies()
    const client = await connect(id)
    const session = client.doc.getMap(Y_SESSION)
    await waitFor(() => session.get('title') === 'Brownpapersessie bekostiging', 'the title')
    const first = await waitFor(async () => (await history(id))[0], 'a first version')
    expect(first.kind).toBe('periodic')
    session.set('title', 'Nieuwe titel')
    session.set('place', 'Utrecht')
    const vastgesteld = await server.api('POST', `/api/sessions/${id}/vaststellen`)
    expect(vastgesteld.status).toBe(201)
    await waitFor(() => session.get('vaststelling') !== undefined, 'the vaststelling on the client')

    const res = await server.api<RestoreResponse>('POST', `/api/sessions/${id}/history/${first.version}/restore`)
    expect(res.status).toBe(200)
    await waitFor(() => session.get('title') === 'Brownpapersessie bekostiging', 'the old title back')
    expect(session.get('place')).toBe('Barneveld')
    expect(session.get('vaststelling')).toMatchObject({ versie: 1 })
    expect(typeof session.get('geplaatstOp')).toBe('string')
  })

  it('[H2] a phase change and a vaststelling each take a version naming who did it', async () => {
    server = await startTestServer()
    const id = await boardWithStickies()
    const client = await connect(id)
    client.doc.getMap(Y_FACILITATION).set('phase', 'stemmen')
    const phase = await waitFor(async () => (await history(id)).find((v) => v.kind === 'phase'), 'a phase version')
    expect(phase.detail).toBe('stemmen')
    expect(phase.actorNames).toEqual(['Beheer (token)'])
    expect(phase.counts.stickies).toBe(TEXTS.length)
    // Another facilitation key, or the same phase written again, is no phase change.
    client.doc.getMap(Y_FACILITATION).set('voteBudget', 3)
    client.doc.getMap(Y_FACILITATION).set('phase', 'stemmen')
    expect((await server.api('POST', `/api/sessions/${id}/vaststellen`)).status).toBe(201)
    const versions = await waitFor(async () => {
      const list = await history(id)
      return list.some((v) => v.kind === 'vaststelling') ? list : null
    }, 'a vaststelling version')
    expect(versions.find((v) => v.kind === 'vaststelling')?.detail).toBe('1')
    expect(versions.filter((v) => v.kind === 'phase')).toHaveLength(1)
  })

  it('[H2] a phase changed through the facilitation API takes a version named after the coördinator', async () => {
    server = await startTestServer()
    const id = await boardWithStickies()
    const res = await server.api('PUT', `/api/sessions/${id}/facilitation`, { phase: 'clusteren' })
    expect(res.status).toBe(200)
    const phase = await waitFor(async () => (await history(id)).find((v) => v.kind === 'phase'), 'a phase version')
    expect(phase.detail).toBe('clusteren')
    expect(phase.actorNames).toEqual(['Beheer (token)'])
  })

  it('[H1] a board that keeps changing gets a periodic version per interval, naming who changed it', async () => {
    server = await startTestServer({ history: { intervalMs: 200 } })
    const id = await boardWithStickies()
    const client = await connect(id)
    const initial = (await history(id)).length
    const note = allRecords(client.doc).find((r) => r.type === 'note')!
    recordsOf(client.doc).set(note.id, { ...note, x: 999 })
    const periodic = await waitFor(async () => {
      const list = await history(id)
      return list.length > initial ? list[0] : null
    }, 'a periodic version')
    expect(periodic.kind).toBe('periodic')
    expect(periodic.actorNames).toEqual(['Beheer (token)'])
    const preview = await server.api<HistoryVersion>('GET', `/api/sessions/${id}/history/${periodic.version}`)
    expect(preview.body.content.records.find((r) => r.id === note.id)).toMatchObject({ x: 999 })
  })

  it('[H4] versions outlive compaction and a restart: the log is compacted, the version still restores', async () => {
    server = await startTestServer({ compactAfter: 2 })
    const id = await boardWithStickies()
    const wiper = await connect(id)
    const array = wiper.doc.getArray('tldraw')
    array.delete(0, array.length)
    const taken = await waitFor(async () => (await history(id)).find((v) => v.kind === 'before-delete'), 'the version before the wipe')
    wiper.destroy()
    clients.length = 0
    await waitFor(async () => (await server.storage.docs.pendingUpdates(id)) === 0, 'the log compacted')
    const { restartTestServer } = await import('../helpers/startTestServer')
    server = await restartTestServer(server)
    const res = await server.api<RestoreResponse>('POST', `/api/sessions/${id}/history/${taken.version}/restore`)
    expect(res.status).toBe(200)
    const viewer = await connect(id)
    expect(stickyTexts(viewer.doc)).toEqual([...TEXTS].sort())
  })

  it('[H5] only the newest HISTORY_KEEP versions are kept, and every vaststelling', async () => {
    server = await startTestServer({ history: { keep: 2 } })
    const id = await boardWithStickies()
    const client = await connect(id)
    expect((await server.api('POST', `/api/sessions/${id}/vaststellen`)).status).toBe(201)
    for (const phase of ['schrijven', 'delen', 'clusteren', 'stemmen']) {
      client.doc.getMap(Y_FACILITATION).set('phase', phase)
      await waitFor(async () => (await history(id)).some((v) => v.detail === phase), `the ${phase} version`)
    }
    const versions = await history(id)
    expect(versions.map((v) => [v.kind, v.detail])).toEqual([
      ['phase', 'stemmen'],
      ['phase', 'clusteren'],
      ['vaststelling', '1'],
    ])
  })

  it('[H8] an unknown version is a 404 and a malformed one a 400, with a readable message; nothing changes', async () => {
    server = await startTestServer()
    const id = await boardWithStickies()
    const unknown = await server.api<{ error: string; message: string }>('POST', `/api/sessions/${id}/history/999/restore`)
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toBe('version_not_found')
    for (const bad of ['0', '-1', 'abc', '1.5', '99999999999']) {
      const res = await server.api<{ error: string; message: string }>('GET', `/api/sessions/${id}/history/${bad}`)
      expect(res.status, bad).toBe(400)
      expect(res.body.error).toBe('invalid_version')
    }
    expect((await server.api('GET', '/api/sessions/nosuchsession1/history')).status).toBe(404)
    expect((await history(id)).some((v) => v.kind === 'before-restore')).toBe(false)
  })
})
