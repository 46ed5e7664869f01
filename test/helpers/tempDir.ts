import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const created: string[] = []

/** A fresh directory under the OS temp dir; removed by removeTempDirs(). */
export function tempDir(prefix = 'brownpaper-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  created.push(dir)
  return dir
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
}
