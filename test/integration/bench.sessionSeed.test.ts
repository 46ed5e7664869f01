import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sessionSeed } from '../../bench/sessionSeed'
import { allRecords, Y_SESSION } from '../../shared/ydoc'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'

/** What a doc holds, without the parts that differ between two creations (shape ids, client ids). */
function contentOf(doc: Y.Doc) {
  const records = allRecords(doc)
    .map((r) => ({ typeName: r.typeName, type: (r as { type?: string }).type ?? null, name: (r as { props?: { name?: string } }).props?.name ?? null }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  return { session: doc.getMap(Y_SESSION).toJSON(), records }
}

describe('the bench seed', () => {
  let server: TestServer

  afterEach(async () => {
    await server?.close()
    removeTempDirs()
  })

  it('[bench] the content the bench gives the reference and Hocuspocus is what a fresh session of ours holds', async () => {
    server = await startTestServer()
    const created = await server.api<{ id: string }>('POST', '/api/sessions', { title: 'Bench 0', themagroep: 'Bench' })
    expect(created.status).toBe(201)
    const ours = await server.rooms.withRoom(created.body.id, (room) => {
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc))
      return copy
    })
    const seeded = new Y.Doc()
    const seed = sessionSeed()
    Y.applyUpdate(seeded, seed)

    expect(contentOf(seeded)).toEqual(contentOf(ours))
    expect(contentOf(seeded).records.filter((r) => r.type === 'frame').length).toBeGreaterThan(0)
    // Same size up to the variable-length client ids and random shape ids.
    expect(Math.abs(seed.length - Y.encodeStateAsUpdate(ours).length)).toBeLessThan(32)
  })
})
