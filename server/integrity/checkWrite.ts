/**
 * W1–W16 and the record limits L3–L5: whether a writer may make the record
 * changes of one update (server/integrity/recordChanges.ts). Pure: the same
 * changes, writer and time give the same answer. The first refusal found is
 * returned; the update is then refused whole.
 */
import { richTextWithin } from '../../shared/richText'
import { DEFAULT_REGELRUIMTE_STATUS } from '../../shared/sticky'
import { mayWrite, WRITE_RULES, type BoardRole, type WriteSubject } from '../../shared/writeRules'
import { Y_FACILITATION, Y_SESSION, type StoredRecord } from '../../shared/ydoc'
import { changedKeys, jsonDepthWithin } from './jsonEqual'
import type { BoardLimits } from './limits'
import type { RecordChange, UpdateChanges } from './recordChanges'

/** Who writes: a board role and the id they write under (shared/writeRules.ts `writerIdOf`), or trusted automation. */
export type Writer = { role: BoardRole; id: string } | { role: 'admin' }

export interface WriteRefusal {
  /** SPEC id of the rule or limit (W…, L…). */
  rule: string
  /** For the log and the audit: what was refused, in English. */
  reason: string
  /** 'rule': a write rule refused it; 'limit': a limit did. */
  kind: 'rule' | 'limit'
  /** The record concerned, when there is one. */
  record?: string
}

export interface CheckOptions {
  limits: BoardLimits
  /** Records on the board now. */
  recordCount: number
  now: Date
  /** W21: the phase, the vote budget and the dots a voter has on the board now; without it votes are not counted. */
  voting?: { phase: string; budget: number; usedBy(voter: string): number }
}

/** A creation time may run ahead of the server's clock by this much (clock skew). */
const CLOCK_SKEW_MS = 10 * 60 * 1000
/** Top-level fields of a shape that only place it: W4 for stickies (and arrows that follow them). */
const LAYOUT_FIELDS = new Set(['x', 'y', 'rotation', 'index', 'parentId'])
/** Props tldraw derives from the layout of a note (its growth and font fitting), not from its content. */
const LAYOUT_PROPS = new Set(['growY', 'fontSizeAdjustment'])
const SESSION_ROOTS = new Set([Y_SESSION, Y_FACILITATION])

type Kind = 'sticky' | 'sheet' | 'arrow' | 'binding' | 'shape' | 'user' | 'other'

function kindOf(record: StoredRecord): Kind {
  if (record.typeName === 'shape') {
    if (record.type === 'note') return 'sticky'
    if (record.type === 'frame') return 'sheet'
    if (record.type === 'arrow') return 'arrow'
    return 'shape'
  }
  if (record.typeName === 'binding') return 'binding'
  if (record.typeName === 'asset') return 'shape'
  if (record.typeName === 'user') return 'user'
  return 'other'
}

const SUBJECT_OF: Record<Exclude<Kind, 'sticky' | 'user'>, WriteSubject> = {
  sheet: 'sheets',
  arrow: 'links',
  binding: 'links',
  shape: 'otherShapes',
  other: 'pageAndDocument',
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const metaOf = (record: StoredRecord): Record<string, unknown> => (isObject(record.meta) ? record.meta : {})
const propsOf = (record: StoredRecord): Record<string, unknown> => (isObject(record.props) ? record.props : {})
const authorIdOf = (record: StoredRecord): string | null => {
  const author = metaOf(record).author
  return isObject(author) && typeof author.id === 'string' ? author.id : null
}

export function checkWrite(changes: UpdateChanges, writer: Writer, opts: CheckOptions): WriteRefusal | null {
  const limitRefusal = checkLimits(changes, opts)
  if (limitRefusal) return limitRefusal
  if (writer.role === 'admin') return null // W16: trusted automation
  const { role, id } = writer

  const refuse = (subject: WriteSubject, reason: string, record?: string): WriteRefusal => ({
    rule: WRITE_RULES[subject].id,
    reason,
    kind: 'rule',
    ...(record ? { record } : {}),
  })

  if (changes.unplaced && role === 'deelnemer') return refuse('otherRoots', 'an update part that cannot be placed')
  for (const root of changes.otherRoots) {
    const subject: WriteSubject = SESSION_ROOTS.has(root) ? 'sessionRoots' : 'otherRoots'
    if (!mayWrite(role, subject, false)) return refuse(subject, `writes the "${root}" part of the document`)
  }

  const own = (record: StoredRecord) => authorIdOf(record) === id
  // Stickies this update deletes with the writer's right: their links may go with them (W6).
  const deletedStickies = new Set<string>()
  for (const change of changes.records) {
    if (change.before && !change.after && kindOf(change.before) === 'sticky' && mayWrite(role, 'deleteSticky', own(change.before))) {
      deletedStickies.add(change.key)
    }
  }
  // Arrows whose bindings to such a sticky are deleted: tldraw fixes their ends in place.
  const detachedArrows = new Set<string>()
  for (const change of changes.records) {
    const b = change.before
    if (b && !change.after && kindOf(b) === 'binding' && typeof b.toId === 'string' && deletedStickies.has(b.toId) && typeof b.fromId === 'string') {
      detachedArrows.add(b.fromId)
    }
  }

  for (const change of changes.records) {
    const refusal = checkChange(change, role, id, own, deletedStickies, detachedArrows, opts.now, refuse)
    if (refusal) return refusal
  }
  return checkVoteBudget(changes, id, opts.voting)
}

/** The writer's own dots on a sticky record (W8 keeps them the only ones a writer changes). */
function ownDots(record: StoredRecord | null, voter: string): number {
  if (!record || kindOf(record) !== 'sticky') return 0
  const votes = metaOf(record).votes
  const n = isObject(votes) ? votes[voter] : undefined
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0
}

/**
 * W21: dots added over the websocket obey the same budget as the vote API
 * (F10): only while the phase is `stemmen`, and never beyond the budget in
 * all. Taking dots back is always possible.
 */
function checkVoteBudget(changes: UpdateChanges, voter: string, voting: CheckOptions['voting']): WriteRefusal | null {
  if (!voting) return null
  let delta = 0
  for (const { before, after } of changes.records) delta += ownDots(after, voter) - ownDots(before, voter)
  if (delta <= 0) return null
  const refuse = (reason: string): WriteRefusal => ({ rule: 'W21', kind: 'rule', reason })
  if (voting.phase !== 'stemmen') return refuse('adds dots outside the stemmen phase')
  if (voting.usedBy(voter) + delta > voting.budget) return refuse(`adds dots beyond the budget of ${voting.budget}`)
  return null
}

function checkChange(
  { key, before, after }: RecordChange,
  role: BoardRole,
  id: string,
  own: (record: StoredRecord) => boolean,
  deletedStickies: ReadonlySet<string>,
  detachedArrows: ReadonlySet<string>,
  now: Date,
  refuse: (subject: WriteSubject, reason: string, record?: string) => WriteRefusal,
): WriteRefusal | null {
  if (before && after && (kindOf(before) !== kindOf(after) || before.type !== after.type || after.id !== before.id)) {
    // A record that changes what it is: as deleting the old one and creating the new one.
    return (
      checkChange({ key, before, after: null }, role, id, own, deletedStickies, detachedArrows, now, refuse) ??
      checkChange({ key, before: null, after }, role, id, own, deletedStickies, detachedArrows, now, refuse)
    )
  }
  const record = (after ?? before)!
  const kind = kindOf(record)

  if (kind === 'user') {
    if (!mayWrite(role, 'ownUser', key === `user:${id}`)) return refuse('ownUser', 'writes another person’s user record', key)
    return null
  }

  if (kind === 'sticky') {
    if (!before) return checkNewSticky(after!, role, id, now, refuse, key)
    if (!after) return mayWrite(role, 'deleteSticky', own(before)) ? null : refuse('deleteSticky', 'deletes another person’s sticky', key)
    return checkStickyUpdate(before, after, role, id, own(before), refuse, key)
  }

  if (kind === 'binding' && before && !after && typeof before.toId === 'string' && deletedStickies.has(before.toId)) return null
  if (kind === 'arrow' && before && after) {
    const changed = changedKeys(before, after)
    const layoutOnly = changed.every((k) => LAYOUT_FIELDS.has(k))
    // An arrow follows the stickies it links (reparented by tldraw when one moves), and
    // keeps its place when its sticky is deleted: neither is drawing a link.
    if (layoutOnly && mayWrite(role, 'moveSticky', false)) return null
    if (detachedArrows.has(key) && changed.every((k) => LAYOUT_FIELDS.has(k) || k === 'props')) return null
  }
  const subject = SUBJECT_OF[kind]
  if (!mayWrite(role, subject, false)) return refuse(subject, `${before ? (after ? 'changes' : 'deletes') : 'creates'} a ${record.typeName}${record.type ? ` (${String(record.type)})` : ''}`, key)
  return null
}

function checkNewSticky(
  after: StoredRecord,
  role: BoardRole,
  id: string,
  now: Date,
  refuse: (subject: WriteSubject, reason: string, record?: string) => WriteRefusal,
  key: string,
): WriteRefusal | null {
  if (!mayWrite(role, 'createSticky', true)) return refuse('createSticky', 'creates a sticky', key)
  const meta = metaOf(after)
  const author = authorIdOf(after)
  // Organisers may bring back a sticky in its author's name (undo, restore); a deelnemer writes as themselves.
  const anyAuthor = mayWrite(role, 'authorship', false)
  if ('author' in meta && author !== id && !anyAuthor) return refuse('authorship', 'creates a sticky in another person’s name', key)
  if ('createdAt' in meta) {
    const at = typeof meta.createdAt === 'string' ? Date.parse(meta.createdAt) : Number.NaN
    if (!Number.isFinite(at) || (at > now.getTime() + CLOCK_SKEW_MS && !anyAuthor)) return refuse('authorship', 'creates a sticky with a forged creation time', key)
  }
  if ('votes' in meta) {
    const votes = meta.votes
    if (!isObject(votes) || Object.keys(votes).some((voter) => voter !== id)) return refuse('vote', 'creates a sticky with votes of others', key)
  }
  if ('status' in meta && meta.status !== DEFAULT_REGELRUIMTE_STATUS && !mayWrite(role, 'setStatus', true)) {
    return refuse('setStatus', 'creates a regelruimte request with a status', key)
  }
  return null
}

function checkStickyUpdate(
  before: StoredRecord,
  after: StoredRecord,
  role: BoardRole,
  id: string,
  own: boolean,
  refuse: (subject: WriteSubject, reason: string, record?: string) => WriteRefusal,
  key: string,
): WriteRefusal | null {
  for (const field of changedKeys(before, after)) {
    if (LAYOUT_FIELDS.has(field)) {
      if (!mayWrite(role, 'moveSticky', own)) return refuse('moveSticky', 'moves a sticky', key)
    } else if (field === 'props') {
      const content = changedKeys(propsOf(before), propsOf(after)).filter((p) => !LAYOUT_PROPS.has(p))
      if (content.length > 0 && !mayWrite(role, 'editSticky', own)) return refuse('editSticky', `edits another person’s sticky (${content.join(', ')})`, key)
    } else if (field === 'meta') {
      const refusal = checkMetaUpdate(metaOf(before), metaOf(after), role, id, own, refuse, key)
      if (refusal) return refusal
    } else if (!mayWrite(role, 'editSticky', own)) {
      return refuse('editSticky', `edits another person’s sticky (${field})`, key)
    }
  }
  return null
}

function checkMetaUpdate(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  role: BoardRole,
  id: string,
  own: boolean,
  refuse: (subject: WriteSubject, reason: string, record?: string) => WriteRefusal,
  key: string,
): WriteRefusal | null {
  for (const field of changedKeys(before, after)) {
    if (field === 'author' || field === 'createdAt') return refuse('authorship', `changes the ${field} of a sticky`, key)
    if (field === 'votes') {
      const was = isObject(before.votes) ? before.votes : {}
      const is = isObject(after.votes) ? after.votes : {}
      if (!isObject(after.votes) && after.votes !== undefined) return refuse('vote', 'writes votes that are not a map', key)
      const voters = changedKeys(was, is)
      if (voters.some((voter) => voter !== id)) return refuse('vote', 'votes in another person’s name', key)
    } else if (field === 'status') {
      if (!mayWrite(role, 'setStatus', own)) return refuse('setStatus', 'sets the status of a regelruimte request', key)
    } else if (!mayWrite(role, 'editSticky', own)) {
      return refuse('editSticky', `edits another person’s sticky (${field})`, key)
    }
  }
  return null
}

/** L3–L5: the number of records, the size of each, the depth and length of rich text. */
function checkLimits(changes: UpdateChanges, { limits, recordCount }: CheckOptions): WriteRefusal | null {
  if (changes.recordDelta > 0 && recordCount + changes.recordDelta > limits.maxRecords) {
    return { rule: 'L3', kind: 'limit', reason: `the board would hold more than ${limits.maxRecords} records` }
  }
  for (const { key, after } of changes.records) {
    if (!after) continue
    const richText = propsOf(after).richText
    if (!richTextWithin(richText, { maxDepth: limits.maxRichTextDepth, maxChars: limits.maxRichTextChars })) {
      return { rule: 'L5', kind: 'limit', reason: 'rich text nested too deep or too long', record: key }
    }
    // Any other part of a record nests no deeper than rich text may (and so serialises safely).
    if (!jsonDepthWithin(after, limits.maxRichTextDepth * 2 + 8)) {
      return { rule: 'L5', kind: 'limit', reason: 'a record nested too deep', record: key }
    }
    if (JSON.stringify(after).length > limits.maxRecordBytes) {
      return { rule: 'L4', kind: 'limit', reason: `a record larger than ${limits.maxRecordBytes} bytes`, record: key }
    }
  }
  return null
}
