/**
 * SPEC S61: how often a board publishes its presence (cursor, selection,
 * camera). The server relays each presence update to every other connection
 * of the room, so a cursor published at the screen's frame rate (60 times a
 * second) by 15 people moving at once is 900 messages in and 13,000 out each
 * second. tldraw's own sync publishes 30 times a second while others are in
 * the room and once a second while alone; so does this.
 */
export const PRESENCE_FPS_TOGETHER = 30
export const PRESENCE_FPS_ALONE = 1

export interface PresenceTimers {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  now(): number
}

const realTimers: PresenceTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
}

export interface PresenceThrottle {
  /** The presence changed: publish it once its interval has passed since the last publish (never in the caller's turn). */
  request(): void
  /** Drops a pending publish. */
  dispose(): void
}

/**
 * Throttles `publish` to the rate S61 gives: at most once per interval,
 * the interval chosen at each request by `alone()`. The last change is
 * always published (trailing edge), so a cursor that stops is shown where
 * it stopped. A pending publish scheduled while alone is brought forward
 * when someone joins and the presence changes again.
 */
export function throttlePresence(publish: () => void, alone: () => boolean, timers: PresenceTimers = realTimers): PresenceThrottle {
  let last = Number.NEGATIVE_INFINITY
  let handle: unknown = null
  let due = 0
  const fire = () => {
    handle = null
    last = timers.now()
    publish()
  }
  return {
    request() {
      const interval = 1000 / (alone() ? PRESENCE_FPS_ALONE : PRESENCE_FPS_TOGETHER)
      const at = Math.max(timers.now(), last + interval)
      if (handle !== null) {
        if (at >= due) return
        timers.clearTimeout(handle)
      }
      due = at
      handle = timers.setTimeout(fire, at - timers.now())
    },
    dispose() {
      if (handle !== null) timers.clearTimeout(handle)
      handle = null
    },
  }
}
