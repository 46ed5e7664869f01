/** What the board shows about its link to the server. */
export type ConnectionStatus = 'verbonden' | 'opnieuw verbinden' | 'offline'

/** After this many failed attempts in a row we call it offline rather than "reconnecting". */
export const OFFLINE_AFTER_ATTEMPTS = 4

export function connectionStatusOf(input: {
  browserOnline: boolean
  socket: 'connected' | 'connecting' | 'disconnected'
  synced: boolean
  failedAttempts: number
}): ConnectionStatus {
  if (!input.browserOnline) return 'offline'
  if (input.socket === 'connected' && input.synced) return 'verbonden'
  if (input.failedAttempts >= OFFLINE_AFTER_ATTEMPTS) return 'offline'
  return 'opnieuw verbinden'
}
