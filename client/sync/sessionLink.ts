import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes'
import { sendOwnPresenceOnly } from './ownPresenceOnly'

/** Close codes of a refused update (W1, L1–L5): the local copy holds a change the server will never take. */
const REFUSED_WRITE_CODES: ReadonlySet<number> = new Set([CloseCode.WriteRefused, CloseCode.LimitExceeded, CloseCode.MessageTooLarge])

export interface SessionDoc {
  doc: Y.Doc
  provider: WebsocketProvider
  /** The browser's own copy, so that offline edits survive a reload and merge on reconnect. */
  local: IndexeddbPersistence
}

export interface SessionLinkState {
  /** The provider has completed its first sync with the server. */
  synced: boolean
  /** IndexedDB has loaded the browser's own copy. */
  localLoaded: boolean
  /** Set when the server closed the socket for good (4xxx close code). */
  refused: { code: number; reason: string } | null
  /**
   * Set when the server refused a change of this browser (W1): the link has
   * disconnected and cleared its IndexedDB copy; its owner opens a new one.
   */
  dropped: { code: number } | null
}

/** How many links of each session are open on this page. */
const openLinks = new Map<string, number>()

/** The y-websocket endpoint on this host: ws(s)://<host>/yjs, room = session id. */
export function yjsServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`
}

/**
 * One session's Y.Doc, connected to the server (y-websocket) and to IndexedDB
 * (y-indexeddb), with what has happened to it so far. It listens from the
 * moment it is opened, so that it can be opened before the page that shows
 * it has loaded (SPEC M19) and lose no event meanwhile.
 */
export class SessionLink {
  readonly session: SessionDoc
  private current: SessionLinkState = { synced: false, localLoaded: false, refused: null, dropped: null }
  private readonly listeners = new Set<() => void>()
  private disposed = false
  private dropping = false
  private destroyed = false

  constructor(readonly sessionId: string) {
    openLinks.set(sessionId, (openLinks.get(sessionId) ?? 0) + 1)
    const doc = new Y.Doc()
    const local = new IndexeddbPersistence(`brownpaper:${sessionId}`, doc)
    const provider = new WebsocketProvider(yjsServerUrl(), sessionId, doc, { disableBc: true, maxBackoffTime: 2500 })
    sendOwnPresenceOnly(provider)
    this.session = { doc, provider, local }
    // Marks for the cold-load bench's breakdown (SPEC M12) and for M19's test.
    performance.mark('bp:sync-start')
    provider.on('sync', this.onSync)
    provider.on('closed', this.onClosed)
    provider.on('connection-close', this.onConnectionClose)
    void local.whenSynced.then(() => this.update({ localLoaded: true }))
  }

  get state(): SessionLinkState {
    return this.current
  }

  /** Calls `onChange` after every change of `state`; returns the function that stops it. */
  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange)
    return () => this.listeners.delete(onChange)
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    const count = (openLinks.get(this.sessionId) ?? 1) - 1
    if (count > 0) openLinks.set(this.sessionId, count)
    else openLinks.delete(this.sessionId)
    this.disposed = true
    this.listeners.clear()
    const { doc, provider, local } = this.session
    provider.off('sync', this.onSync)
    provider.off('closed', this.onClosed)
    provider.off('connection-close', this.onConnectionClose)
    provider.destroy()
    void local.destroy()
    doc.destroy()
  }

  private update(patch: Partial<SessionLinkState>): void {
    if (this.disposed) return
    this.current = { ...this.current, ...patch }
    for (const listener of [...this.listeners]) listener()
  }

  private readonly onSync = (isSynced: boolean) => {
    if (!isSynced || this.current.synced) return
    performance.mark('bp:synced')
    this.update({ synced: true })
  }

  private readonly onClosed = (close: { code: number; reason: string }) => this.update({ refused: close })

  // W1: a stock client would send the refused change again after every reconnect;
  // this one forgets it (memory and IndexedDB) and its owner loads the server's board.
  private readonly onConnectionClose = (event: { code: number } | null) => {
    if (this.disposed || this.dropping) return
    // W23: the role changed (deelnemer ↔ waarnemer): the page loads afresh with it.
    if (event?.code === CloseCode.RoleChanged) {
      this.disposed = true
      this.session.provider.disconnect()
      location.reload()
      return
    }
    if (!event || !REFUSED_WRITE_CODES.has(event.code)) return
    const { provider, local } = this.session
    this.dropping = true
    provider.disconnect()
    const code = event.code
    void local.clearData().finally(() => this.update({ dropped: { code } }))
  }
}

/**
 * At most one link opened ahead of its page (SPEC M19): the board's, opened
 * as soon as its route and identity are known, while tldraw's chunk loads.
 */
let early: SessionLink | null = null

/**
 * Opens the link of `sessionId` ahead of the page that will show it, unless
 * one is open already (the page came first); drops one of another session.
 */
export function openEarly(sessionId: string): void {
  if (early?.sessionId === sessionId) return
  dropEarly()
  if (openLinks.has(sessionId)) return
  early = new SessionLink(sessionId)
}

/** The link opened ahead for `sessionId`, handed over once (null when there is none). */
export function takeEarly(sessionId: string): SessionLink | null {
  if (early?.sessionId !== sessionId) return null
  const link = early
  early = null
  return link
}

/** Closes a link opened ahead that no page took (the route went elsewhere). */
export function dropEarly(): void {
  early?.destroy()
  early = null
}
