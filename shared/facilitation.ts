/**
 * Facilitation of a session (SPEC "Facilitation", F1–F39): phases with their
 * instructions, the timer on the server's clock, dot voting, summon, the
 * counts of private stickies and the agenda. The state lives in the Y.Doc's
 * `facilitation` map (written only by the server on behalf of a coördinator
 * or secretariaat: deelnemers may not write that root, P8), so it reaches
 * every open board live. This file is shared: the board, the phone page and
 * the server read the same schemas.
 *
 * Map "facilitation" (each key one JSON value):
 *   phase          Phase
 *   timer          Timer | null        times in server milliseconds (epoch)
 *   voteBudget     number              dots per participant (default 3)
 *   anonymous      boolean             whether votes are shown without names
 *   voteScope      { tags, sheetIds }  stickies one may vote on (empty = all)
 *   summon         Summon | null       "iedereen hierheen"
 *   privateCounts  { [participantId]: { name, organisation, count } }
 *   agenda         AgendaItem[]        phases with planned minutes
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { tagSchema } from './tags'

export const PHASES = [
  'voorbereiden',
  'stil-schrijven',
  'delen',
  'clusteren',
  'stemmen',
  'concluderen',
  'afgerond',
] as const
export const phaseSchema = z.enum(PHASES)
export type Phase = z.infer<typeof phaseSchema>

type Text = { readonly nl: string; readonly en: string }

export interface PhaseInfo {
  readonly phase: Phase
  readonly label: Text
  /** Short instruction shown to participants during the phase. */
  readonly instruction: Text
  /** Planned minutes in a new agenda. */
  readonly defaultMinutes: number
}

export const PHASE_INFO: Readonly<Record<Phase, PhaseInfo>> = {
  voorbereiden: {
    phase: 'voorbereiden',
    label: { nl: 'Voorbereiden', en: 'Preparing' },
    instruction: {
      nl: 'De sessie begint zo. Kijk alvast rond op het bord.',
      en: 'The session starts soon. Have a look around the board.',
    },
    defaultMinutes: 10,
  },
  'stil-schrijven': {
    phase: 'stil-schrijven',
    label: { nl: 'Stil schrijven', en: 'Silent writing' },
    instruction: {
      nl: 'Schrijf in stilte je stickies. Alleen jij ziet ze tot het delen begint.',
      en: 'Write your stickies in silence. Only you see them until sharing starts.',
    },
    defaultMinutes: 10,
  },
  delen: {
    phase: 'delen',
    label: { nl: 'Delen', en: 'Sharing' },
    instruction: {
      nl: 'Iedereen deelt zijn stickies. Licht die van jou kort toe.',
      en: 'Everyone shares their stickies. Briefly explain yours.',
    },
    defaultMinutes: 20,
  },
  clusteren: {
    phase: 'clusteren',
    label: { nl: 'Clusteren', en: 'Clustering' },
    instruction: {
      nl: 'Schuif stickies die bij elkaar horen naar elkaar toe.',
      en: 'Move stickies that belong together next to each other.',
    },
    defaultMinutes: 15,
  },
  stemmen: {
    phase: 'stemmen',
    label: { nl: 'Stemmen', en: 'Voting' },
    instruction: {
      nl: 'Verdeel je stippen over de stickies die jij het belangrijkst vindt.',
      en: 'Spread your dots over the stickies you find most important.',
    },
    defaultMinutes: 10,
  },
  concluderen: {
    phase: 'concluderen',
    label: { nl: 'Concluderen', en: 'Concluding' },
    instruction: {
      nl: 'We trekken samen conclusies en maken afspraken.',
      en: 'Together we draw conclusions and make agreements.',
    },
    defaultMinutes: 20,
  },
  afgerond: {
    phase: 'afgerond',
    label: { nl: 'Afgerond', en: 'Finished' },
    instruction: {
      nl: 'De sessie is afgerond. Dank voor je bijdrage!',
      en: 'The session has finished. Thank you for your contribution!',
    },
    defaultMinutes: 0,
  },
}

export const DEFAULT_PHASE: Phase = 'voorbereiden'
export const DEFAULT_VOTE_BUDGET = 3
export const MAX_VOTE_BUDGET = 20
/** Longest timer: 4 hours. */
export const MAX_TIMER_SECONDS = 4 * 60 * 60

/**
 * The timer, in server milliseconds since the epoch. Running: `endsAt` is
 * set. Paused: `pausedRemainingMs` is set and `endsAt` is null. A stopped
 * timer is `null` in the map.
 */
export const timerSchema = z.object({
  status: z.enum(['running', 'paused']),
  /** Total planned length, grown by "add a minute". */
  durationMs: z.number().int().min(0).max(MAX_TIMER_SECONDS * 1000 * 2),
  /** When it was (last) started, server clock. */
  startedAt: z.number().int().min(0),
  /** When it reaches zero, server clock; null while paused. */
  endsAt: z.number().int().min(0).nullable(),
  /** What was left when paused; null while running. */
  pausedRemainingMs: z.number().int().min(0).nullable(),
})
export type Timer = z.infer<typeof timerSchema>

export const voteScopeSchema = z.object({
  /** Tags one may vote on; empty = every tag. */
  tags: z.array(tagSchema).max(10).default([]),
  /** Sheet (frame) ids one may vote on; empty = every sheet. */
  sheetIds: z.array(z.string().max(100)).max(100).default([]),
})
export type VoteScope = z.infer<typeof voteScopeSchema>

/** "Iedereen hierheen": every board moves its view to this sheet once per `nonce`. */
export const summonSchema = z.object({
  sheetId: z.string().max(100),
  /** Server time of the summon. */
  at: z.number().int().min(0),
  /** Changes on every summon, so summoning the same sheet twice moves views twice. */
  nonce: z.string().max(40),
  /** Who summoned (shown as "… haalt iedereen hierheen"). */
  by: z.string().max(200).default(''),
})
export type Summon = z.infer<typeof summonSchema>

export const privateCountSchema = z.object({
  name: z.string().max(200),
  organisation: z.string().max(200).default(''),
  count: z.number().int().min(0),
})
export type PrivateCount = z.infer<typeof privateCountSchema>

export const agendaItemSchema = z.object({
  phase: phaseSchema,
  /** Planned minutes (editable by the coördinator). */
  minutes: z.number().int().min(0).max(600),
})
export type AgendaItem = z.infer<typeof agendaItemSchema>

export const DEFAULT_AGENDA: readonly AgendaItem[] = PHASES.filter((p) => p !== 'afgerond').map((phase) => ({
  phase,
  minutes: PHASE_INFO[phase].defaultMinutes,
}))

/** The whole facilitation state as read from the doc (missing fields take defaults). */
export interface FacilitationState {
  phase: Phase
  timer: Timer | null
  voteBudget: number
  anonymous: boolean
  voteScope: VoteScope
  summon: Summon | null
  privateCounts: Record<string, PrivateCount>
  agenda: AgendaItem[]
}

export const FACILITATION_KEYS = [
  'phase',
  'timer',
  'voteBudget',
  'anonymous',
  'voteScope',
  'summon',
  'privateCounts',
  'agenda',
] as const

const Y_FACILITATION_MAP = 'facilitation'

/** Reads the facilitation map leniently: anything missing or invalid takes its default. */
export function readFacilitation(doc: Y.Doc): FacilitationState {
  return parseFacilitation(doc.getMap(Y_FACILITATION_MAP).toJSON())
}

/** The schemas of parseFacilitation, made once (a zod schema is costly to build; the server reads the map often). */
const lenient = {
  timer: timerSchema.nullable(),
  voteBudget: z.number().int().min(0).max(MAX_VOTE_BUDGET),
  anonymous: z.boolean(),
  summon: summonSchema.nullable(),
  privateCounts: z.record(z.string(), privateCountSchema),
  agenda: z.array(agendaItemSchema).max(50),
}

export function parseFacilitation(source: Record<string, unknown>): FacilitationState {
  const pick = <T>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    const parsed = schema.safeParse(value)
    return parsed.success ? parsed.data : fallback
  }
  return {
    phase: pick(phaseSchema, source.phase, DEFAULT_PHASE),
    timer: pick(lenient.timer, source.timer ?? null, null),
    voteBudget: pick(lenient.voteBudget, source.voteBudget, DEFAULT_VOTE_BUDGET),
    anonymous: pick(lenient.anonymous, source.anonymous, true),
    voteScope: pick(voteScopeSchema, source.voteScope, { tags: [], sheetIds: [] }),
    summon: pick(lenient.summon, source.summon ?? null, null),
    privateCounts: pick(lenient.privateCounts, source.privateCounts, {}),
    agenda: pick(lenient.agenda, source.agenda, [...DEFAULT_AGENDA]),
  }
}

/** Writes some fields of the facilitation map in one transaction (server side). */
export function writeFacilitation(doc: Y.Doc, patch: Partial<FacilitationState>): void {
  const map = doc.getMap(Y_FACILITATION_MAP)
  doc.transact(() => {
    for (const key of FACILITATION_KEYS) {
      if (!(key in patch)) continue
      const value = patch[key]
      if (value === undefined) map.delete(key)
      else map.set(key, value === null ? null : JSON.parse(JSON.stringify(value)))
    }
  })
}

// ---------------------------------------------------------------- timer maths

/** Milliseconds left at server time `serverNow`; 0 once over; null without a timer. */
export function timerRemainingMs(timer: Timer | null, serverNow: number): number | null {
  if (!timer) return null
  if (timer.status === 'paused') return timer.pausedRemainingMs ?? 0
  return Math.max(0, (timer.endsAt ?? serverNow) - serverNow)
}

export type TimerAction = 'pause' | 'resume' | 'addMinute' | 'stop'

/** The timer after a command at server time `now` (F4). Pure: the server applies it, tests check it. */
export function applyTimerCommand(
  timer: Timer | null,
  command: { seconds: number } | { action: TimerAction },
  now: number,
): Timer | null {
  if ('seconds' in command) {
    const durationMs = Math.round(command.seconds * 1000)
    return { status: 'running', durationMs, startedAt: now, endsAt: now + durationMs, pausedRemainingMs: null }
  }
  switch (command.action) {
    case 'stop':
      return null
    case 'pause':
      if (!timer || timer.status !== 'running') return timer
      return { ...timer, status: 'paused', endsAt: null, pausedRemainingMs: timerRemainingMs(timer, now) ?? 0 }
    case 'resume':
      if (!timer || timer.status !== 'paused') return timer
      return { ...timer, status: 'running', startedAt: now, endsAt: now + (timer.pausedRemainingMs ?? 0), pausedRemainingMs: null }
    case 'addMinute':
      if (!timer) return { status: 'running', durationMs: 60_000, startedAt: now, endsAt: now + 60_000, pausedRemainingMs: null }
      if (timer.status === 'paused') {
        return { ...timer, durationMs: timer.durationMs + 60_000, pausedRemainingMs: (timer.pausedRemainingMs ?? 0) + 60_000 }
      }
      // A timer that ran out starts a fresh minute from now.
      return {
        ...timer,
        durationMs: timer.durationMs + 60_000,
        endsAt: Math.max(timer.endsAt ?? now, now) + 60_000,
      }
  }
}

/**
 * Clock offset (server − client, ms) from one round trip: the server's time
 * is taken to be read half-way between sending and receiving (F5).
 */
export function clockOffset(sentAt: number, receivedAt: number, serverNow: number): number {
  return serverNow - (sentAt + receivedAt) / 2
}

/** "4:05" for 245 000 ms (rounded up to whole seconds, so it shows 0:00 only at the end). */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}

// ---------------------------------------------------------------- HTTP bodies

export const timerCommandSchema = z.union([
  z.object({ seconds: z.number().int().min(1).max(MAX_TIMER_SECONDS) }).strict(),
  z.object({ action: z.enum(['pause', 'resume', 'addMinute', 'stop']) }).strict(),
])
export type TimerCommand = z.infer<typeof timerCommandSchema>

/** PUT /api/sessions/:id/facilitation: any of these fields; at least one. */
export const putFacilitationBodySchema = z
  .object({
    phase: phaseSchema.optional(),
    voteBudget: z.number().int().min(0).max(MAX_VOTE_BUDGET).optional(),
    anonymous: z.boolean().optional(),
    voteScope: voteScopeSchema.optional(),
    timer: timerCommandSchema.optional(),
    agenda: z.array(agendaItemSchema).max(50).optional(),
    /** "Iedereen hierheen" to this sheet (frame id); null clears. */
    summon: z.object({ sheetId: z.string().min(1).max(100) }).strict().nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Geef minstens één veld.' })
export type PutFacilitationBody = z.input<typeof putFacilitationBodySchema>

/** GET (and PUT) /api/sessions/:id/facilitation → this. `serverNow` lets clients compute their clock offset. */
export const facilitationResponseSchema = z.object({
  phase: phaseSchema,
  timer: timerSchema.nullable(),
  voteBudget: z.number().int(),
  anonymous: z.boolean(),
  voteScope: voteScopeSchema,
  summon: summonSchema.nullable(),
  privateCounts: z.record(z.string(), privateCountSchema),
  agenda: z.array(agendaItemSchema),
  /** The server's clock (ms since epoch) when it answered. */
  serverNow: z.number(),
})
export type FacilitationResponse = z.infer<typeof facilitationResponseSchema>

/** GET /api/time → the server's clock, for the clock offset. */
export const serverTimeResponseSchema = z.object({ serverNow: z.number() })

/**
 * POST|DELETE /api/sessions/:id/stickies/:stickyId/votes → 200 with the
 * sticky's total and the caller's own votes and what is left of the budget.
 * 409 `vote_budget_exhausted` past the budget, 409 `no_vote_to_remove`,
 * 409 `not_voting_phase` outside `stemmen`, 403 `vote_out_of_scope`.
 */
export const voteResponseSchema = z.object({
  stickyId: z.string(),
  total: z.number().int(),
  mine: z.number().int(),
  used: z.number().int(),
  budget: z.number().int(),
  remaining: z.number().int(),
})
export type VoteResponse = z.infer<typeof voteResponseSchema>

/** GET /api/sessions/:id/votes/mine → the caller's votes per sticky. */
export const myVotesResponseSchema = z.object({
  budget: z.number().int(),
  used: z.number().int(),
  remaining: z.number().int(),
  votes: z.record(z.string(), z.number().int()),
})
export type MyVotesResponse = z.infer<typeof myVotesResponseSchema>

// ------------------------------------------------------------ private stickies

/** A sticky held privately by the server during stil-schrijven (never in the shared doc). */
export const privateStickySchema = z.object({
  id: z.string(),
  text: z.string(),
  tag: tagSchema,
  /** Sheet (frame id) it goes to when shared; null = the first sheet. */
  sheetId: z.string().nullable(),
  createdAt: z.string(),
})
export type PrivateSticky = z.infer<typeof privateStickySchema>

/** GET /api/sessions/:id/private-stickies → the caller's own private stickies. */
export const privateStickiesResponseSchema = z.object({ stickies: z.array(privateStickySchema) })
export type PrivateStickiesResponse = z.infer<typeof privateStickiesResponseSchema>

/** PATCH /api/sessions/:id/private-stickies/:stickyId */
export const patchPrivateStickyBodySchema = z
  .object({
    text: z.string().trim().min(1).max(10_000).optional(),
    tag: tagSchema.optional(),
  })
  .strict()
  .refine((b) => b.text !== undefined || b.tag !== undefined, { message: 'Geef tekst of tag.' })

/** POST /api/sessions/:id/private-stickies/share → the ids placed on the board. */
export const sharePrivateResponseSchema = z.object({ shared: z.array(z.object({ id: z.string(), sheetId: z.string().nullable() })) })
export type SharePrivateResponse = z.infer<typeof sharePrivateResponseSchema>
