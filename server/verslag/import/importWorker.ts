/**
 * L11: the import worker thread. It runs one job per message and answers
 * plain data; the server bundles it as its own entry (dist/server/importWorker.js,
 * scripts/buildServer.mjs), from the sources it is started through importWorker.mjs.
 */
import { parentPort } from 'node:worker_threads'
import { runImportJob, type ImportJob } from './importJob'

parentPort?.on('message', (job: ImportJob) => {
  runImportJob(job).then(
    (result) => parentPort?.postMessage(result),
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, status: 400, error: 'unreadable_body', message: error instanceof Error ? error.message : String(error) }),
  )
})
