import pino from 'pino'
import type { Logger } from '../../server/core/log'

/** A real pino logger whose JSON lines are kept in `lines` for assertions. */
export function captureLog(): { log: Logger; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = []
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) })
  return { log, lines }
}
