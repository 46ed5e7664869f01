// L11: the import worker's entry. The server runs TypeScript through tsx; a
// worker thread does not inherit its loader, so register it before the job.
import { register } from 'tsx/esm/api'
import { parentPort } from 'node:worker_threads'

register()
const { runImportJob } = await import('./importJob.ts')
parentPort.on('message', async (job) => {
  try {
    parentPort.postMessage(await runImportJob(job))
  } catch (error) {
    parentPort.postMessage({ ok: false, status: 400, error: 'unreadable_body', message: error instanceof Error ? error.message : String(error) })
  }
})
