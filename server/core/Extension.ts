/**
 * The one interface through which a feature plugs into the core (SPEC X1–X9),
 * in the manner of Hocuspocus's extensions: every hook is optional, and the
 * core runs each hook in the order the extensions were given
 * (`server/app.ts` composes them). A feature folder (server/access/,
 * server/sessions/, …) exports a factory that returns one Extension; it owns
 * its routes, its stores (opened through the Backend seam, with their
 * migrations) and its room hooks. The core never imports a feature.
 */
import type { IncomingMessage } from 'node:http'
import type { RequestHandler, Router } from 'express'
import type { CoreContext } from './CoreContext'
import type { Grant, Refusal } from './Grant'
import type { AwarenessPayload, Room, StoredPayload, UpdatePayload, UpdateVerdict } from './Room'

export type { AwarenessPayload, StoredPayload, UpdatePayload, UpdateVerdict } from './Room'

export interface Extension {
  /** For logs and errors. */
  readonly name: string

  /** Once, when the core is built and before it listens: keep `core` (rooms, docs, log) for later. */
  configure?(core: CoreContext): void
  /** Express middleware run before every request (e.g. security headers). */
  readonly middleware?: readonly RequestHandler[]
  /** Registers the feature's routes on the /api router. */
  routes?(router: Router): void

  /**
   * Who opens the websocket of `roomName` (X3). Answer a Grant to accept, a
   * Refusal to close with its code, or undefined to let the next extension
   * decide. Nobody granting is Unauthorized.
   */
  authenticateConnection?(req: IncomingMessage, roomName: string): Promise<Grant | Refusal | undefined>

  /** A room was loaded from the store, before anyone uses it (e.g. to observe its doc). */
  onLoad?(room: Room): void
  /** Decides whether a connection's document update is applied (X4); the first answer that is not 'accept' wins. */
  filterUpdate?(payload: UpdatePayload): UpdateVerdict
  /** Rewrites (e.g. narrows) a connection's awareness update before it is applied (X5); each gets the previous one's result. */
  filterAwareness?(payload: AwarenessPayload): Uint8Array
  /** An update is durable in the document log, before it is broadcast (X6): the seam for fan-out between instances. */
  onStore?(payload: StoredPayload): void
  /** After an update of the room was stored and broadcast (called often: debounce). */
  onChange?(room: Room): void
  /** Before a room is unloaded, after its last compaction. */
  onUnload?(room: Room): Promise<void>

  /** The server stops: cancel timers. Rooms are flushed after this. */
  onStop?(): void
  /** Every room is flushed; wait for the feature's own pending writes before the backend closes. */
  onStopped?(): Promise<void>
}
