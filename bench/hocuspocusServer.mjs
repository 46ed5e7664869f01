// A bare Hocuspocus 4 server (no extensions, in memory), run as a child process by the bench.
// Plain JavaScript so that it runs on plain Node beside the built server.
import { Server } from '@hocuspocus/server'

const server = new Server({ port: Number(process.env.PORT ?? 0), address: '127.0.0.1', quiet: true, stopOnSignals: true })
await server.listen()
process.stdout.write(`hocuspocus running at ${server.address.port}\n`)
