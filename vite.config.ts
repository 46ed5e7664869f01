import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { precompress } from './scripts/precompress'
import { tiptapHtmlCache } from './scripts/tiptapHtmlCache'

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
  },
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/yjs': { target: 'ws://localhost:3000', ws: true },
    },
  },
})
