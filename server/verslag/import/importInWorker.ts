/**
 * L11: an import is parsed off the main event loop, in a worker thread with
 * its own heap limit and a deadline, so `/api/health` and every board keep
 * answering while a large (or hostile) verslag is read. A worker that runs out
 * of memory or time is ended; the request gets 413, the server stays up.
 */
import { Worker } from 'node:worker_threads'
import { HttpError } from '../../core/http/errors'
import type { ImportJob, ImportJobResult } from './importJob'

let running = 0

export async function importInWorker(job: ImportJob): Promise<Extract<ImportJobResult, { ok: true }>> {
  if (running >= job.limits.concurrent) throw new HttpError(503, 'import_busy', 'Er worden al verslagen ingelezen; probeer het zo opnieuw (import busy)')
  running++
  const worker = new Worker(new URL('./importWorker.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: job.limits.workerHeapMb, maxYoungGenerationSizeMb: 64 },
  })
  try {
    const result = await new Promise<ImportJobResult>((resolve, reject) => {
      const timer = setTimeout(() => reject(new HttpError(413, 'import_too_large', 'Het verslag is te groot om in te lezen (import took too long)')), job.limits.timeoutMs)
      worker.once('message', (message: ImportJobResult) => {
        clearTimeout(timer)
        resolve(message)
      })
      worker.once('error', (error: Error & { code?: string }) => {
        clearTimeout(timer)
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new HttpError(413, 'import_too_large', 'Het verslag is te groot om in te lezen (import ran out of memory)')
            : error,
        )
      })
      worker.once('exit', (code) => {
        clearTimeout(timer)
        reject(new HttpError(413, 'import_too_large', `Het verslag kon niet worden ingelezen (import worker exited with ${code})`))
      })
      worker.postMessage(job)
    })
    if (!result.ok) throw new HttpError(result.status, result.error, result.message)
    return result
  } finally {
    running--
    void worker.terminate()
  }
}
