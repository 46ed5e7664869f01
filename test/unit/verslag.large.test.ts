/**
 * L7: the verslag of a very large store — 200,000 stickies, one parent chain
 * through all of them — is built and rendered without a stack overflow and in
 * bounded time; nesting is capped at MAX_NESTING levels.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { noteRecord, PAGE_ID, documentRecord, pageRecord } from '../../shared/records'
import { Y_RECORDS } from '../../shared/ydoc'
import { buildVerslag, MAX_NESTING } from '../../server/verslag/buildVerslag'
import { renderMarkdown } from '../../server/verslag/render/renderMarkdown'
import { renderHtml } from '../../server/verslag/render/renderHtml'
import { renderJson } from '../../server/verslag/render/renderJson'

function chainDoc(count: number): Y.Doc {
  const doc = new Y.Doc()
  const entries: { key: string; val: unknown }[] = [
    { key: documentRecord().id, val: documentRecord() },
    { key: PAGE_ID, val: pageRecord() },
  ]
  for (let i = 0; i < count; i++) {
    const note = noteRecord({
      id: `shape:n${i}`,
      text: `Punt ${i}`,
      meta: { tag: 'bevorderend', ...(i > 0 ? { parentStickyId: `shape:n${i - 1}` } : {}) },
      parentId: PAGE_ID,
      x: (i % 100) * 220,
      y: Math.floor(i / 100) * 220,
      index: `a${i}`,
    })
    entries.push({ key: note.id, val: note })
  }
  doc.getArray(Y_RECORDS).push(entries)
  return doc
}

const depthOf = (items: readonly { children: readonly unknown[] }[]): number => {
  let depth = 0
  let level = items
  while (level.length > 0) {
    depth++
    level = level.flatMap((i) => i.children as { children: readonly unknown[] }[])
  }
  return depth
}

describe('the verslag of a very large store (L7)', () => {
  it('[L7] builds and renders 200,000 stickies in one parent chain without overflowing the stack; nesting stops at MAX_NESTING', () => {
    const verslag = buildVerslag(chainDoc(200_000))
    const section = verslag.sections.find((s) => s.kind === 'factoren')
    expect(section).toBeDefined()
    const items = section && 'groups' in section ? section.groups.flatMap((g) => g.items) : []
    expect(depthOf(items)).toBe(MAX_NESTING + 1)
    expect(renderMarkdown(verslag)).toContain('Punt 199999')
    expect(renderHtml(verslag)).toContain('Punt 199999')
    expect(JSON.parse(renderJson(verslag)).sections.length).toBeGreaterThan(0)
  }, 60_000)
})
