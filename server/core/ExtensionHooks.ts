/**
 * Runs the extensions' hooks in order (X2), like Hocuspocus's
 * `hooks(name, payload)`: a notification hook that throws is logged and the
 * next one still runs; a deciding hook (authenticateConnection,
 * filterUpdate) stops at the first extension that decides.
 */
import type { IncomingMessage } from 'node:http'
import type { Extension } from './Extension'
import type { Grant, Refusal } from './Grant'
import type { Logger } from './log'
import type { AwarenessPayload, Room, StoredPayload, UpdatePayload, UpdateVerdict } from './Room'
import type { RoomManagerHooks } from './RoomManager'

type NotifyHook = 'onLoad' | 'onStore' | 'onChange' | 'onStop'
type WaitHook = 'onUnload' | 'onStopped'
type ArgsOf<K extends keyof Extension> = NonNullable<Extension[K]> extends (...args: infer A) => unknown ? A : never

export class ExtensionHooks implements RoomManagerHooks {
  constructor(
    readonly extensions: readonly Extension[],
    private readonly log: Logger,
  ) {}

  /** Calls hook `name` of every extension in order; one that throws is logged, the others still run. */
  notify<K extends NotifyHook>(name: K, ...args: ArgsOf<K>): void {
    for (const extension of this.extensions) {
      const hook = extension[name] as ((...a: ArgsOf<K>) => void) | undefined
      if (!hook) continue
      try {
        hook.apply(extension, args)
      } catch (err) {
        this.log.error({ err, extension: extension.name, hook: name }, 'extension hook failed')
      }
    }
  }

  /** Calls and awaits hook `name` of every extension in order; a failure is logged, the others still run. */
  async wait<K extends WaitHook>(name: K, ...args: ArgsOf<K>): Promise<void> {
    for (const extension of this.extensions) {
      const hook = extension[name] as ((...a: ArgsOf<K>) => Promise<void>) | undefined
      if (!hook) continue
      try {
        await hook.apply(extension, args)
      } catch (err) {
        this.log.error({ err, extension: extension.name, hook: name }, 'extension hook failed')
      }
    }
  }

  onLoad(room: Room): void {
    this.notify('onLoad', room)
  }

  onStore(payload: StoredPayload): void {
    this.notify('onStore', payload)
  }

  onChange(room: Room): void {
    this.notify('onChange', room)
  }

  onUnload(room: Room): Promise<void> {
    return this.wait('onUnload', room)
  }

  /** The first Grant or Refusal an extension answers for this websocket; null when none decides (Unauthorized). */
  async authenticateConnection(req: IncomingMessage, roomName: string): Promise<Grant | Refusal | null> {
    for (const extension of this.extensions) {
      const answer = await extension.authenticateConnection?.(req, roomName)
      if (answer) return answer
    }
    return null
  }

  /** The first verdict that is not 'accept', or 'accept'. A filter that throws makes the frame malformed (the caller closes). */
  filterUpdate(payload: UpdatePayload): UpdateVerdict {
    for (const extension of this.extensions) {
      const verdict = extension.filterUpdate?.(payload) ?? 'accept'
      if (verdict !== 'accept') return verdict
    }
    return 'accept'
  }

  /** The awareness update after every extension's filter, each given the previous result. */
  filterAwareness(payload: AwarenessPayload): Uint8Array {
    let update = payload.update
    for (const extension of this.extensions) {
      if (extension.filterAwareness) update = extension.filterAwareness({ ...payload, update })
    }
    return update
  }
}
