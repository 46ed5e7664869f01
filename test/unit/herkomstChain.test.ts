/** R15: following conclusies taken over from earlier sessions, as the register's evidence chain does. */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { isEarlierSession } from '../../shared/herkomst'
import { linkStickiesInDoc } from '../../shared/stickyLinks'
import { addSticky, writeSessionInfo } from '../../shared/ydoc'
import { chainSessionOf, followHerkomst, MAX_HERKOMST_DEPTH, type ChainConclusie, type ChainSession } from '../../server/regelruimte/herkomstChain'

const GROEP = 'Bekostiging SO buiten het verpleeghuis'

function session(id: string, conclusies: Record<string, ChainConclusie>, themagroep = GROEP): ChainSession {
  return { id, title: `Sessie ${id}`, date: null, themagroep, conclusies: new Map(Object.entries(conclusies)) }
}
const lookup = (...sessions: ChainSession[]) => {
  const asked: string[] = []
  const sessionOf = async (id: string) => {
    asked.push(id)
    return sessions.find((s) => s.id === id) ?? null
  }
  return Object.assign(sessionOf, { asked })
}
const start = { sessionId: 's3', stickyId: 'shape:c3', themagroep: GROEP }

describe('the evidence chain across sessions (R15)', () => {
  it('[R15] follows a taken-over conclusie back through two sessions, nearest first, with each session named and its own factors', async () => {
    const s2 = session('s2', { 'shape:c2': { text: 'Eén financiering', factoren: ['Twee loketten'], herkomst: { sessionId: 's1', stickyId: 'c1' } } })
    const s1 = session('s1', { 'shape:c1': { text: 'Eén financiering binnen één domein', factoren: ['Geen betaaltitel', 'Twee loketten'], herkomst: null } })
    const chain = await followHerkomst(start, { sessionId: 's2', stickyId: 'shape:c2' }, lookup(s1, s2))
    expect(chain).toEqual([
      { sessionId: 's2', sessionTitle: 'Sessie s2', sessionDate: null, stickyId: 'shape:c2', text: 'Eén financiering', factoren: ['Twee loketten'] },
      { sessionId: 's1', sessionTitle: 'Sessie s1', sessionDate: null, stickyId: 'shape:c1', text: 'Eén financiering binnen één domein', factoren: ['Geen betaaltitel', 'Twee loketten'] },
    ])
    expect(await followHerkomst(start, null, lookup(s1, s2))).toEqual([])
  })

  it('[R15] a cycle ends the chain: no sticky is visited twice, the starting one included', async () => {
    const s1 = session('s1', { 'shape:a': { text: 'A', factoren: [], herkomst: { sessionId: 's2', stickyId: 'shape:b' } } })
    const s2 = session('s2', { 'shape:b': { text: 'B', factoren: [], herkomst: { sessionId: 's1', stickyId: 'a' } } })
    expect((await followHerkomst(start, { sessionId: 's1', stickyId: 'a' }, lookup(s1, s2))).map((h) => h.text)).toEqual(['A', 'B'])
    // Back to the conclusie the chain started from.
    const back = session('s1', { 'shape:a': { text: 'A', factoren: [], herkomst: { sessionId: 's3', stickyId: 'c3' } } })
    const own = session('s3', { 'shape:c3': { text: 'C', factoren: [], herkomst: { sessionId: 's1', stickyId: 'a' } } })
    expect((await followHerkomst(start, { sessionId: 's1', stickyId: 'a' }, lookup(back, own))).map((h) => h.text)).toEqual(['A'])
  })

  it('[R15] the depth is bounded', async () => {
    const sessions = Array.from({ length: 30 }, (_, i) =>
      session(`s${i}`, { 'shape:c': { text: `C${i}`, factoren: [], herkomst: { sessionId: `s${i + 1}`, stickyId: 'c' } } }),
    )
    expect(await followHerkomst(start, { sessionId: 's0', stickyId: 'c' }, lookup(...sessions))).toHaveLength(MAX_HERKOMST_DEPTH)
    expect((await followHerkomst(start, { sessionId: 's0', stickyId: 'c' }, lookup(...sessions), 2)).map((h) => h.text)).toEqual(['C0', 'C1'])
  })

  it('[R15] a missing origin ends the chain: a deleted or unseen session, or a sticky that is gone or no conclusie', async () => {
    const s2 = session('s2', { 'shape:c2': { text: 'Over', factoren: [], herkomst: { sessionId: 'weg', stickyId: 'c1' } } })
    expect((await followHerkomst(start, { sessionId: 's2', stickyId: 'c2' }, lookup(s2))).map((h) => h.text)).toEqual(['Over'])
    expect(await followHerkomst(start, { sessionId: 's2', stickyId: 'nergens' }, lookup(s2))).toEqual([])
  })

  it('[R15] never leads into a session of another themagroep, even when the caller could see it', async () => {
    const foreign = session('b1', { 'shape:x': { text: 'Geheim van groep B', factoren: ['Ook geheim'], herkomst: null } }, 'Wijkgerichte zorg')
    const s2 = session('s2', { 'shape:c2': { text: 'Over', factoren: [], herkomst: { sessionId: 'b1', stickyId: 'x' } } })
    const chain = await followHerkomst(start, { sessionId: 's2', stickyId: 'c2' }, lookup(s2, foreign))
    expect(chain.map((h) => h.sessionId)).toEqual(['s2'])
    expect(JSON.stringify(chain)).not.toContain('geheim')
    // The same themagroep under another spelling is the same themagroep (P26).
    const spelled = session('s1', { 'shape:c1': { text: 'Anders gespeld', factoren: [], herkomst: null } }, ` ${GROEP.toUpperCase()} `)
    expect((await followHerkomst(start, { sessionId: 's1', stickyId: 'c1' }, lookup(spelled))).map((h) => h.text)).toEqual(['Anders gespeld'])
  })

  it('[R15] reads a session’s conclusies from its document: the stickies linked to each, and where it was taken over from', () => {
    const doc = new Y.Doc()
    writeSessionInfo(doc, { title: 'Tweede sessie', themagroep: GROEP, type: 'brownpapersessie', date: '2026-04-01' })
    const factor = addSticky(doc, { text: 'Twee loketten', tag: 'belemmerend' }).id
    const conclusie = addSticky(doc, { text: 'Eén financiering', tag: 'conclusie', extraMeta: { herkomst: { sessionId: 's1', stickyId: 'shape:c1' } } }).id
    addSticky(doc, { text: 'Geen conclusie', tag: 'bevorderend' })
    linkStickiesInDoc(doc, factor, conclusie)
    const read = chainSessionOf(doc, { id: 's2', title: 'Index', themagroep: GROEP })
    expect(read).toMatchObject({ id: 's2', title: 'Tweede sessie', date: '2026-04-01', themagroep: GROEP })
    expect([...read.conclusies]).toEqual([[conclusie, { text: 'Eén financiering', factoren: ['Twee loketten'], herkomst: { sessionId: 's1', stickyId: 'shape:c1' } }]])
  })

  it('[R14] an earlier session is another one not dated after this one; undated on either side counts as earlier', () => {
    const here = { id: 'b', date: '2026-04-01' }
    expect(isEarlierSession({ id: 'a', date: '2026-03-01' }, here)).toBe(true)
    expect(isEarlierSession({ id: 'a', date: '2026-04-01' }, here)).toBe(true)
    expect(isEarlierSession({ id: 'a', date: '2026-05-01' }, here)).toBe(false)
    expect(isEarlierSession({ id: 'a', date: null }, here)).toBe(true)
    expect(isEarlierSession({ id: 'a', date: '2026-05-01' }, { id: 'b', date: null })).toBe(true)
    expect(isEarlierSession({ id: 'b', date: null }, { id: 'b', date: null })).toBe(false)
  })
})
