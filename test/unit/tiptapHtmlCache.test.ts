/**
 * The build's fix for the cold load of a big board (SPEC M16): @tiptap/core's
 * `generateHTML`, which tldraw calls for every note's label, builds the
 * ProseMirror schema once per extensions array and serialises into one reused
 * HTML document, with the same HTML as before. The installed @tiptap/core is
 * rewritten by the plugin's own function, loaded, and run next to the
 * original on a small DOM (xmldom).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom'
import { Extension } from '@tiptap/core'
import Bold from '@tiptap/extension-bold'
import Document from '@tiptap/extension-document'
import Paragraph from '@tiptap/extension-paragraph'
import Text from '@tiptap/extension-text'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cacheTiptapHtml, tiptapHtmlCache } from '../../scripts/tiptapHtmlCache'

type GenerateHtml = (doc: unknown, extensions: unknown[]) => string

const ROOT = path.resolve(import.meta.dirname, '../..')
const CORE = path.join(ROOT, 'node_modules', '@tiptap', 'core', 'dist', 'index.js')
/** Next to the repository's node_modules, so that the module's bare imports resolve. */
const OUT = path.join(ROOT, 'test-results', 'tiptap-html-cache')

/** The core module's text as a loadable file: its relative imports made absolute. */
function moduleFile(name: string, code: string): string {
  const file = path.join(OUT, name)
  writeFileSync(file, code.replace(/\/\/# sourceMappingURL=.*$/m, '').replace(/from "\.\/([^"]+)"/g, (_m, rel: string) => `from ${JSON.stringify(pathToFileURL(path.join(path.dirname(CORE), rel)).href)}`))
  return file
}

/** A document with what ProseMirror's DOMSerializer and TipTap use, and `innerHTML` read by serialising the children. */
const impl = new DOMImplementation()
const xmlDocument = () => impl.createDocument(null, null as unknown as string, null)
let htmlDocuments = 0

const RICH_TEXT = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Geen eigen ' }, { type: 'text', text: 'betaaltitel', marks: [{ type: 'bold' }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'voor de SO <buiten> & binnen' }] },
  ],
}

describe('TipTap label HTML without a schema per note (M16)', () => {
  let original: GenerateHtml
  let cached: GenerateHtml
  const saved = { document: (globalThis as { document?: unknown }).document, window: (globalThis as { window?: unknown }).window }

  beforeAll(async () => {
    const base = xmlDocument()
    const div = base.createElement('div')
    Object.defineProperty(Object.getPrototypeOf(div), 'innerHTML', {
      configurable: true,
      get(this: { childNodes: ArrayLike<unknown> }) {
        return Array.from(this.childNodes)
          .map((n) => new XMLSerializer().serializeToString(n as Node))
          .join('')
      },
    })
    const document = {
      createElement: (tag: string) => base.createElement(tag),
      createElementNS: (ns: string, tag: string) => base.createElementNS(ns, tag),
      createTextNode: (text: string) => base.createTextNode(text),
      createDocumentFragment: () => base.createDocumentFragment(),
      implementation: {
        createHTMLDocument: () => {
          htmlDocuments++
          return xmlDocument()
        },
      },
    }
    Object.assign(globalThis, { document, window: { document } })
    mkdirSync(OUT, { recursive: true })
    const code = readFileSync(CORE, 'utf8')
    original = ((await import(pathToFileURL(moduleFile('original.mjs', code)).href)) as { generateHTML: GenerateHtml }).generateHTML
    cached = ((await import(pathToFileURL(moduleFile('cached.mjs', cacheTiptapHtml(code))).href)) as { generateHTML: GenerateHtml }).generateHTML
  })

  afterAll(() => {
    Object.assign(globalThis, saved)
  })

  /** Extensions whose schema builds are counted: TipTap asks every extension for `addExtensions` when it builds a schema. */
  function countingExtensions(): { extensions: unknown[]; builds: () => number } {
    let builds = 0
    const counter = Extension.create({
      name: 'schemaBuildCounter',
      addExtensions() {
        builds++
        return []
      },
    })
    return { extensions: [Document, Paragraph, Text, Bold, counter], builds: () => builds }
  }

  it('[M16] 50 labels with the same extensions build the schema once and use one HTML document (the original: 50 of each)', () => {
    const before = countingExtensions()
    htmlDocuments = 0
    for (let i = 0; i < 50; i++) original(RICH_TEXT, before.extensions)
    expect(before.builds()).toBe(50)
    expect(htmlDocuments).toBe(50)

    const after = countingExtensions()
    htmlDocuments = 0
    for (let i = 0; i < 50; i++) cached(RICH_TEXT, after.extensions)
    expect(after.builds()).toBe(1)
    expect(htmlDocuments).toBe(1)
  })

  it('[M16] the HTML is the same as TipTap’s own, for every call and another extensions array', () => {
    const { extensions } = countingExtensions()
    const expected = original(RICH_TEXT, extensions)
    expect(expected).toBe('<p>Geen eigen <strong>betaaltitel</strong></p><p>voor de SO &lt;buiten&gt; &amp; binnen</p>')
    expect(cached(RICH_TEXT, extensions)).toBe(expected)
    expect(cached(RICH_TEXT, extensions)).toBe(expected)
    const other = countingExtensions()
    const plain = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tweede' }] }] }
    const html = cached(plain, other.extensions)
    expect(cached(plain, other.extensions)).toBe(html)
    expect(other.builds()).toBe(1)
    expect(html).toBe(original(plain, other.extensions))
  })

  it('[M16] the plugin rewrites only @tiptap/core, in the build, and fails loudly when TipTap no longer reads as expected', () => {
    const plugin = tiptapHtmlCache()
    expect(plugin.apply).toBe('build')
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null
    expect(transform('export const x = 1', '/x/node_modules/@tiptap/react/dist/index.js')).toBeNull()
    expect(transform(readFileSync(CORE, 'utf8'), CORE)?.code).toContain('__bpSchemas.get(extensions)')
    expect(() => cacheTiptapHtml('function generateHTML(doc, extensions) { return "" }')).toThrow(/@tiptap\/core changed/)
  })
})
