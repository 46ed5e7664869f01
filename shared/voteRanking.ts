/**
 * The results of dot voting, ranked (SPEC F12, V26): one function for the
 * board's ranking and the verslag's "Stemmen", so both list the same
 * stickies in the same order.
 */

export interface Ranked<T> {
  /** 1 for the most votes; ties share a rank and the next rank skips ("1, 2, 2, 4"). */
  rank: number
  votes: number
  entry: T
}

/**
 * Entries with at least one vote, most votes first. Ties keep the order the
 * entries came in (the sort is stable), so the caller decides the order of
 * equals (the verslag: reading order).
 */
export function rankByVotes<T>(entries: readonly T[], votesOf: (entry: T) => number): Ranked<T>[] {
  const voted = entries.map((entry) => ({ entry, votes: votesOf(entry) })).filter((e) => e.votes > 0)
  voted.sort((a, b) => b.votes - a.votes)
  let rank = 0
  return voted.map((e, i) => {
    if (i === 0 || voted[i - 1]!.votes !== e.votes) rank = i + 1
    return { rank, votes: e.votes, entry: e.entry }
  })
}
