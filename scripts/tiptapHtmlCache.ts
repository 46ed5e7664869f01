/**
 * A build-time fix for the cold load of a big board (SPEC M16). tldraw draws
 * every note's label with TipTap's `generateHTML(doc, extensions)`, which
 * builds the whole ProseMirror schema from the extensions on every call and
 * serialises into a new HTML document every time: for 2,000 stickies that was
 * most of the time between the editor mounting and the stickies showing.
 * This Vite plugin rewrites @tiptap/core's `generateHTML` to build the schema
 * once per extensions array (tldraw passes the same array every time) and
 * `getHTMLFromFragment` to reuse one HTML document. The output is the same
 * HTML. When TipTap's code no longer has the lines it rewrites, the build
 * fails, so an upgrade cannot silently drop the fix.
 */
import type { Plugin } from 'vite'

const TIPTAP_CORE = /[\\/]@tiptap[\\/]core[\\/]dist[\\/]index\.js$/

export const GENERATE_HTML = 'function generateHTML(doc, extensions) {\n\tconst schema = getSchema(extensions);'
export const HTML_DOCUMENT = 'const container = document.implementation.createHTMLDocument().createElement("div");'

/** @tiptap/core's module text with the schema built once per extensions array and one HTML document reused. */
export function cacheTiptapHtml(code: string): string {
  if (!code.includes(GENERATE_HTML) || !code.includes(HTML_DOCUMENT)) {
    throw new Error('@tiptap/core changed: generateHTML/getHTMLFromFragment no longer read as scripts/tiptapHtmlCache.ts expects; update it (SPEC M16)')
  }
  return code
    .replace(
      GENERATE_HTML,
      [
        'const __bpSchemas = new WeakMap();',
        'function generateHTML(doc, extensions) {',
        '\tlet schema = __bpSchemas.get(extensions);',
        '\tif (!schema) {',
        '\t\tschema = getSchema(extensions);',
        '\t\t__bpSchemas.set(extensions, schema);',
        '\t}',
      ].join('\n'),
    )
    .replace(HTML_DOCUMENT, 'const container = (__bpHtmlDocument ??= document.implementation.createHTMLDocument()).createElement("div");')
    .concat('\nvar __bpHtmlDocument;\n')
}

export function tiptapHtmlCache(): Plugin {
  return {
    name: 'brownpaper:tiptap-html-cache',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      return TIPTAP_CORE.test(id) ? { code: cacheTiptapHtml(code), map: null } : null
    },
  }
}
