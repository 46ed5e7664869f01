import { atom } from 'tldraw'
import { parseFacilitation, type FacilitationState } from '../../shared/facilitation'

/** The facilitation state, as an atom for canvas shapes (vote dots) that render outside React props. */
export const $facilitation = atom<FacilitationState>('facilitation', parseFacilitation({}))
/** This participant's dots per sticky id (from GET …/votes/mine and each vote's answer). */
export const $myVotes = atom<Record<string, number>>('my votes', {})
/** The session of the board (for the vote calls the dots make). */
export const $sessionId = atom<string>('session id', '')
/** The last vote error, shown in the facilitation bar. */
export const $voteError = atom<unknown>('vote error', null)
/** F6: this deelnemer writes privately now; new stickies go to the private tray, not the board. */
export const $privateWriting = atom<boolean>('private writing', false)
