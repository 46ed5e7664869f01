import { describe, expect, it } from 'vitest'
import { countTags } from '../../client/board/countTags'
import { boardShortcutOf, retagChord, undoChord } from '../../client/board/shortcuts'
import { chooseSheet, freeCells } from '../../shared/placement'
import { stickySpot, type Rect } from '../../client/board/stickySpot'
import { reconcileTagAndColor } from '../../client/board/tagColorSync'
import { presenceColor } from '../../client/identity/participant'
import { connectionStatusOf, OFFLINE_AFTER_ATTEMPTS } from '../../client/sync/connectionStatus'
import { NOTE_SIZE, SHEET_PADDING } from '../../shared/records'
import { TAG_INFO, TAGS } from '../../shared/tags'

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; code: string }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
})

describe('board keys', () => {
  it('maps every tag shortcut digit to its tag, "s" to a new sticky and "?" to the help', () => {
    for (const tag of TAGS) expect(boardShortcutOf(key(TAG_INFO[tag].shortcut))).toEqual({ kind: 'tag', tag })
    expect(boardShortcutOf(key('s'))).toEqual({ kind: 'newSticky' })
    expect(boardShortcutOf(key('?'))).toEqual({ kind: 'help' })
  })

  it('leaves modifier chords and other keys to tldraw and the browser', () => {
    expect(boardShortcutOf(key('s', { ctrlKey: true }))).toBeNull()
    expect(boardShortcutOf(key('2', { metaKey: true }))).toBeNull()
    expect(boardShortcutOf(key('1', { shiftKey: true }))).toBeNull()
    expect(boardShortcutOf(key('n'))).toBeNull()
    expect(boardShortcutOf(key('9'))).toBeNull()
  })
})

describe('choosing a tag and retagging (F21)', () => {
  it('[F21] a digit only chooses the next sticky’s tag; Alt+digit (also as typed on a Mac) retags the selection', () => {
    for (const tag of TAGS) {
      const digit = TAG_INFO[tag].shortcut
      expect(boardShortcutOf(key(digit))).toEqual({ kind: 'tag', tag })
      expect(boardShortcutOf(key('¡', { altKey: true, code: `Digit${digit}` }))).toEqual({ kind: 'retag', tag })
    }
    expect(boardShortcutOf(key('1', { altKey: true, shiftKey: true, code: 'Digit1' }))).toBeNull()
    expect(boardShortcutOf(key('x', { altKey: true, code: 'KeyX' }))).toBeNull()
  })

  it('[F21] names the retag chord and the undo per platform', () => {
    expect(retagChord('1', false)).toBe('Alt+1')
    expect(retagChord('1', true)).toBe('⌥1')
    expect(undoChord(false)).toBe('Ctrl+Z')
    expect(undoChord(true)).toBe('⌘Z')
  })
})

describe('tags on the board', () => {
  it('counts stickies per tag, reading an untagged note as opmerking', () => {
    const counts = countTags([{ meta: { tag: 'belemmerend' } }, { meta: { tag: 'belemmerend' } }, { meta: {} }, { meta: { tag: 'nonsense' } }])
    expect(counts).toEqual({ bevorderend: 0, belemmerend: 2, afspraak: 0, conclusie: 0, regelruimte: 0, opmerking: 2 })
  })

  it('gives a retagged note its tag colour', () => {
    expect(reconcileTagAndColor({ tag: 'opmerking', color: 'yellow' }, { tag: 'belemmerend', color: 'yellow' })).toEqual({ tag: 'belemmerend', color: 'red' })
  })

  it('turns a colour picked in the style panel into the tag of that colour', () => {
    expect(reconcileTagAndColor({ tag: 'opmerking', color: 'yellow' }, { tag: 'opmerking', color: 'green' })).toEqual({ tag: 'bevorderend', color: 'green' })
  })

  it('puts back a colour that no tag has', () => {
    expect(reconcileTagAndColor({ tag: 'conclusie', color: 'violet' }, { tag: 'conclusie', color: 'light-blue' })).toEqual({ tag: 'conclusie', color: 'violet' })
  })
})

describe('where a new sticky goes', () => {
  const sheet: Rect = { x: 1000, y: 0, w: 940, h: 720 }
  const note = (x: number, y: number): Rect => ({ x, y, w: NOTE_SIZE, h: NOTE_SIZE })
  const farAway: Rect = { x: -50_000, y: -50_000, w: 10, h: 10 }
  const wholeSheet: Rect = { x: 900, y: -100, w: 1200, h: 1000 }

  it('inside a sheet in view: the first free grid cell in reading order', () => {
    const first = { x: sheet.x + SHEET_PADDING, y: sheet.y + SHEET_PADDING }
    expect(stickySpot({ center: { x: 1500, y: 400 }, viewport: wholeSheet, sheet, notes: [], sheets: [sheet] })).toEqual(first)
    expect(stickySpot({ center: { x: 1500, y: 400 }, viewport: wholeSheet, sheet, notes: [note(first.x, first.y)], sheets: [sheet] })).toEqual({ x: first.x + NOTE_SIZE + 20, y: first.y })
  })

  it('inside a sheet whose free cells are out of view: the free cell nearest the centre', () => {
    const spot = stickySpot({ center: { x: 1930, y: 700 }, viewport: farAway, sheet, notes: [], sheets: [sheet] })
    expect(spot).toEqual({ x: sheet.x + SHEET_PADDING + 3 * 220, y: sheet.y + SHEET_PADDING + 2 * 220 })
  })

  it('inside a full sheet: the centre, kept inside the sheet', () => {
    const full: Rect[] = []
    for (let row = 0; row < 3; row++) for (let col = 0; col < 4; col++) full.push(note(sheet.x + SHEET_PADDING + col * 220, sheet.y + SHEET_PADDING + row * 220))
    expect(stickySpot({ center: { x: 1930, y: 10 }, viewport: wholeSheet, sheet, notes: full, sheets: [sheet] })).toEqual({ x: sheet.x + sheet.w - NOTE_SIZE, y: 0 })
  })

  it('outside any sheet: the centre when free, else the nearest spot touching no note and no sheet', () => {
    expect(stickySpot({ center: { x: 0, y: -1000 }, viewport: farAway, sheet: null, notes: [], sheets: [sheet] })).toEqual({ x: -100, y: -1100 })
    const spot = stickySpot({ center: { x: 0, y: -1000 }, viewport: farAway, sheet: null, notes: [note(-100, -1100)], sheets: [sheet] })
    expect(Math.abs(spot.x + 100) + Math.abs(spot.y + 1100)).toBe(NOTE_SIZE + 20)
  })
})

describe('connection status and presence', () => {
  it('says verbonden only when the socket is open and synced', () => {
    expect(connectionStatusOf({ browserOnline: true, socket: 'connected', synced: true, failedAttempts: 0 })).toBe('verbonden')
    expect(connectionStatusOf({ browserOnline: true, socket: 'connected', synced: false, failedAttempts: 0 })).toBe('opnieuw verbinden')
    expect(connectionStatusOf({ browserOnline: true, socket: 'connecting', synced: false, failedAttempts: 1 })).toBe('opnieuw verbinden')
  })

  it('says offline when the browser is offline or the server stays away', () => {
    expect(connectionStatusOf({ browserOnline: false, socket: 'connected', synced: true, failedAttempts: 0 })).toBe('offline')
    expect(connectionStatusOf({ browserOnline: true, socket: 'disconnected', synced: false, failedAttempts: OFFLINE_AFTER_ATTEMPTS })).toBe('offline')
  })

  it('gives each participant one stable cursor colour', () => {
    expect(presenceColor('participant-a')).toBe(presenceColor('participant-a'))
    expect(presenceColor('participant-a')).toMatch(/^#[0-9a-f]{6}$/)
  })
})

describe('choosing the sheet of a new sticky (F20)', () => {
  const sheets = [
    { id: 'a', x: 0, y: 0, w: 1000, h: 800 },
    { id: 'b', x: 1100, y: 0, w: 1000, h: 800 },
  ]
  it('[F20] the asked sheet; else the last used while in view; else the one under the centre; else the last used; else the first', () => {
    expect(chooseSheet({ sheets, requested: 'b' })).toBe('b')
    const both = { x: 0, y: 0, w: 2100, h: 800 }
    expect(chooseSheet({ sheets, viewport: both, lastUsed: 'a' })).toBe('a')
    expect(chooseSheet({ sheets, viewport: { x: 1200, y: 0, w: 400, h: 400 }, lastUsed: 'a' })).toBe('b')
    expect(chooseSheet({ sheets, viewport: { x: 5000, y: 5000, w: 100, h: 100 }, lastUsed: 'b' })).toBe('b')
    expect(chooseSheet({ sheets, viewport: { x: 5000, y: 5000, w: 100, h: 100 } })).toBe('a')
    expect(chooseSheet({ sheets: [] })).toBeNull()
  })

  it('[F20] free cells skip what a sheet holds and a full sheet grows downwards', () => {
    const { cells, height } = freeCells({ w: 1000, h: 500 }, [{ x: 40, y: 40, w: 200, h: 200 }], 9)
    expect(cells[0]).toEqual({ x: 260, y: 40 })
    expect(new Set(cells.map((c) => `${c.x},${c.y}`)).size).toBe(9)
    expect(height).toBeGreaterThan(500)
  })
})
