/**
 * WebSocket close codes used by the /yjs endpoint. Application codes live in
 * 4000–4999; the names follow HTTP where one fits (4401 ~ 401).
 */
export const CloseCode = {
  /** No or invalid credentials. */
  Unauthorized: 4401,
  /** Valid credentials, but not for this session or role. */
  Forbidden: 4403,
  /** The session id is malformed or no such session exists. */
  UnknownSession: 4404,
  /** A message larger than the configured cap. */
  MessageTooLarge: 4413,
  /** The connection sent more messages than its rate limit allows. */
  RateLimited: 4429,
  /** A frame that is not a valid y-websocket message. */
  MalformedMessage: 4400,
  /** The server is shutting down; clients should reconnect later. */
  ServerShutdown: 4503,
} as const

export type CloseCodeName = keyof typeof CloseCode

export const CLOSE_REASONS: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(CloseCode).map(([name, code]) => [code, name]),
)
