import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { writeFacilitation } from '../../shared/facilitation'
import { addSticky, seedBoard, writeSessionInfo } from '../../shared/ydoc'

function session(agenda?: string): Y.Doc {
  const doc = new Y.Doc()
  writeSessionInfo(doc, { title: 'Sessie', themagroep: 'Groep', type: 'brownpapersessie', deelnemers: [], afgemeld: [], ...(agenda ? { agenda } : {}) })
  seedBoard(doc, ['Blad'])
  return doc
}

describe('facilitation in the verslag', () => {
  it('[F3] a facilitated session without agenda text gets its phases with planned minutes as the agenda', () => {
    const doc = session()
    expect(buildVerslag(doc).agenda).toEqual([])
    writeFacilitation(doc, { phase: 'delen', agenda: [{ phase: 'stil-schrijven', minutes: 12 }, { phase: 'stemmen', minutes: 8 }] })
    expect(buildVerslag(doc, { language: 'nl' }).agenda).toEqual(['Stil schrijven (12 min)', 'Stemmen (8 min)'])
    expect(buildVerslag(doc, { language: 'en' }).agenda).toEqual(['Silent writing (12 min)', 'Voting (8 min)'])
  })

  it('[F3] agenda text of the session itself wins', () => {
    const doc = session('Opening\nRonde')
    writeFacilitation(doc, { phase: 'delen' })
    expect(buildVerslag(doc).agenda).toEqual(['Opening', 'Ronde'])
  })

  it('[F12] the verslag lists each sticky’s votes', () => {
    const doc = session()
    addSticky(doc, { text: 'Veel stemmen', tag: 'bevorderend', sheet: 'Blad', extraMeta: { votes: { anna: 2, bert: 1 } } })
    const json = JSON.stringify(buildVerslag(doc))
    expect(json).toMatch(/"text":"Veel stemmen"[^}]*"votes":3/)
  })
})
