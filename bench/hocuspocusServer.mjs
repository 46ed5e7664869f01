// A bare Hocuspocus 4 server (no extensions, in memory), run as a child process by the bench.
// Plain JavaScript so that it runs on plain Node beside the built server.
// BENCH_SEED (base64 Yjs update): the content every document starts with, loaded as a
// database extension would load it, so that its clients sync what ours sync.
import { Server } from '@hocuspocus/server'
import * as Y from 'yjs'

const seed = process.env.BENCH_SEED ? Buffer.from(process.env.BENCH_SEED, 'base64') : null

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  ...(seed ? { onLoadDocument: async ({ document }) => Y.applyUpdate(document, seed) } : {}),
})
await server.listen()
process.stdout.write(`hocuspocus running at ${server.address.port}\n`)
