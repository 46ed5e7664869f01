/**
 * Preload for bench/memProbe.ts (`node --expose-gc --import ./bench/memReport.mjs …`):
 * on SIGUSR2 the server collects garbage twice and prints one line
 * `MEM {json}` to stderr (RSS, heap, external, array buffers in kB), so that
 * what the server keeps is told apart from garbage not collected yet.
 */
import v8 from 'node:v8'

process.on('SIGUSR2', () => {
  globalThis.gc?.()
  globalThis.gc?.()
  const m = process.memoryUsage()
  const kb = (n) => Math.round(n / 1024)
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, kb(s.space_size)]))
  process.stderr.write(`MEM ${JSON.stringify({ rss: kb(m.rss), heapTotal: kb(m.heapTotal), heapUsed: kb(m.heapUsed), external: kb(m.external), arrayBuffers: kb(m.arrayBuffers), spaces })}\n`)
})
