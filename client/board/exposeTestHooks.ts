import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'

export interface BrownpaperTestHooks {
  editor: Editor
  doc: Y.Doc
  provider: WebsocketProvider
}

declare global {
  interface Window {
    /** For e2e tests and debugging: the live editor, doc and provider of the open board. */
    __brownpaper?: BrownpaperTestHooks
  }
}

export function exposeTestHooks(hooks: BrownpaperTestHooks): () => void {
  window.__brownpaper = hooks
  return () => {
    if (window.__brownpaper === hooks) delete window.__brownpaper
  }
}
