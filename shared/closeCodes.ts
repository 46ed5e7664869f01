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
  /** More open sockets than one identity or one client address may hold (L6). */
  TooManyConnections: 4430,
  /**
   * An update the write rules refuse (W1): refused whole. Later updates of
   * the client would depend on it, so the socket is closed; the code is in
   * 4500–4599 so that a stock y-websocket client reconnects and resyncs.
   */
  WriteRefused: 4520,
  /** An update beyond a limit of the board (L2–L5): refused whole, closed like WriteRefused. */
  LimitExceeded: 4521,
  /**
   * The person behind the socket was erased (privacy, SPEC G2): their
   * presence ends; a stock client reconnects (45xx) under the pseudonym
   * their login now holds.
   */
  IdentityErased: 4530,
  /**
   * The role of the socket's grant changed (an invite turned from deelnemer
   * into waarnemer, SPEC W23): a stock client reconnects (45xx) and gets the
   * new role; Brownpaper's client loads the page afresh.
   */
  RoleChanged: 4531,
} as const

export type CloseCodeName = keyof typeof CloseCode

export const CLOSE_REASONS: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(CloseCode).map(([name, code]) => [code, name]),
)
