// L11: the import worker when the server runs from its TypeScript sources
// (tests, `npm run dev`): a worker thread does not inherit the tsx loader,
// so register it, then start the worker itself. The bundled server starts
// dist/server/importWorker.js instead.
import { register } from 'tsx/esm/api'

register()
await import('./importWorker.ts')
