/**
 * Transaction origins on a room's Y.Doc. The room persists and broadcasts
 * every update except LOAD_ORIGIN; a connection's own updates (origin = the
 * Connection) are broadcast to everyone but that connection.
 */
export const LOAD_ORIGIN = Object.freeze({ origin: 'load' as const })
export const SERVER_ORIGIN = Object.freeze({ origin: 'server' as const })
/** An update or awareness change another instance stored and published (K2): broadcast here, never stored again. */
export const REMOTE_ORIGIN = Object.freeze({ origin: 'remote' as const })
