import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { precompress } from './scripts/precompress'
import { tiptapHtmlCache } from './scripts/tiptapHtmlCache'

/** Modules of the session link's chunk (SPEC M19): Yjs and its providers, the link and the sync hooks without tldraw. */
export const SESSION_LINK_CHUNK =
  /node_modules[\\/](yjs|lib0|y-protocols|y-websocket|y-indexeddb|y-utility)[\\/]|client[\\/]sync[\\/](sessionLink|ownPresenceOnly|useSessionDoc|useConnectionStatus|connectionStatus|useSessionInfo)\.ts$|client[\\/]board[\\/]ConnectionBadge\.tsx$|client[\\/]panel[\\/]permissions\.ts$|shared[\\/](writeRules|closeCodes|ydocRecords)\.ts$/

// The client lives in client/ and is built into dist/client, which the
// Express server serves. tldraw's assets are imported (not fetched from a
// CDN), so the dev server must not pre-bundle @tldraw/assets.
export default defineConfig({
  root: 'client',
  // tiptapHtmlCache: note labels without rebuilding TipTap's schema per note (SPEC M16);
  // precompress: brotli and gzip siblings of the assets, served as they are (SPEC M17).
  plugins: [react(), tiptapHtmlCache(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    // tldraw fetch()es its translation JSON; an inlined data: URL (the tiny
    // English file) would be blocked by the CSP's connect-src 'self'.
    assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined),
    // SPEC M19: the entry loads the session link ahead of the board. Yjs, its providers and the
    // sync hooks the board, the list view and the phone page share stay one chunk with it, as they
    // were one chunk before (M1: the phone page loads no more requests or bytes).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'sessionLink', test: SESSION_LINK_CHUNK, includeDependenciesRecursively: false }],
        },
      },
    },
  },
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/yjs': { target: 'ws://localhost:3000', ws: true },
    },
  },
})
