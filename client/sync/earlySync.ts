import { fetchIdentity } from '../api/accessApi'

/**
 * SPEC M19: the board's sync starts as soon as its route is known, beside
 * tldraw's chunk instead of after it. Part of the entry chunk, so it imports
 * Yjs and the link (./sessionLink, a chunk of its own that the board, the
 * list view and the phone page share) only when a board is opened.
 */
let started: { sessionId: string; links: Promise<typeof import('./sessionLink')> } | null = null

/**
 * Opens the board's link once the identity is known (asked once per page
 * load, as the board asks it): none for a visitor the server does not know
 * (`anonymous`: the board sends them away without a socket). Idempotent;
 * the board takes the link when it mounts (`useSessionDoc`).
 */
export function startBoardSync(sessionId: string): void {
  if (started?.sessionId === sessionId) return
  const links = import('./sessionLink')
  const mine = { sessionId, links }
  started = mine
  Promise.all([fetchIdentity(), links]).then(
    ([identity, { openEarly }]) => {
      if (started !== mine) return
      if (identity?.me.kind !== 'anonymous') openEarly(sessionId)
      // For M19's test: the decision not to open a socket has been taken.
      else performance.mark('bp:sync-skipped')
    },
    () => undefined,
  )
}

/** The route left the board: a link opened ahead that the board did not take is closed. */
export function stopBoardSync(): void {
  if (!started) return
  void started.links.then(({ dropEarly }) => dropEarly(), () => undefined)
  started = null
}
