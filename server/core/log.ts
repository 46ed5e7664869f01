/**
 * The server's logger. Logs go to stderr as JSON lines, so that stdout keeps
 * only the one "listening" line that scripts wait for.
 */
import pino, { type Logger } from 'pino'

export type { Logger }

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'brownpaper' } }, pino.destination(2))
}

/** A logger that drops everything; the default in tests. */
export const silentLogger: Logger = pino({ level: 'silent' })
