import { castVote, takeBackVote } from './facilitationApi'
import { $myVotes, $sessionId, $voteError } from './facilitationAtoms'

/** F11: the board votes only through the API; the server writes `meta.votes`. */
export async function vote(stickyId: string, delta: 1 | -1): Promise<void> {
  try {
    const result = delta > 0 ? await castVote($sessionId.get(), stickyId) : await takeBackVote($sessionId.get(), stickyId)
    $myVotes.update((votes) => {
      const next = { ...votes }
      if (result.mine > 0) next[stickyId] = result.mine
      else delete next[stickyId]
      return next
    })
    $voteError.set(null)
  } catch (err) {
    $voteError.set(err)
  }
}

export function usedVotes(votes: Record<string, number>): number {
  return Object.values(votes).reduce((a, b) => a + b, 0)
}
