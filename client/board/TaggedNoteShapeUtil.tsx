import { computed, Group2d, NoteShapeUtil, Rectangle2d, stopEventPropagation, useStateTracking, useValue, type Computed, type Editor, type TLNoteShape, type TLShape, type TLShapeId } from 'tldraw'
import { NOTE_SIZE } from '../../shared/records'
import { stickyMetaSchema, voteCount } from '../../shared/sticky'
import { $facilitation, $myVotes } from '../facilitation/facilitationAtoms'
import { vote } from '../facilitation/votes'
import { translate } from '../i18n/translate'
import { TAG_INFO, tagOf } from '../../shared/tags'
import { tagHint, tagLabel } from '../i18n/domainLabels'
import { $highlightTag, $language } from './boardState'

function TagBadge({ shape }: { shape: TLNoteShape }) {
  const tag = tagOf(shape.meta)
  const info = TAG_INFO[tag]
  const language = useValue($language)
  const dimmed = useValue('dimmed', () => {
    const highlight = $highlightTag.get()
    return highlight !== null && highlight !== tag
  }, [tag])
  const scale = shape.props.scale
  return (
    <>
      <div
        className="bp-note-badge"
        data-tag={tag}
        style={{ ['--bp-tag' as string]: info.hex, transform: scale !== 1 ? `scale(${scale})` : undefined }}
        title={tagHint(tag, language)}
      >
        <span className="bp-note-badge__symbol" aria-hidden="true">
          {info.symbol}
        </span>
        {tagLabel(tag)}
      </div>
      {dimmed && <div className="bp-note-dim" data-dimmed="true" />}
    </>
  )
}

const SHOW_DOTS_FROM = new Set(['stemmen', 'concluderen', 'afgerond'])
const votesSchema = stickyMetaSchema.shape.votes

/** A sticky's dots, read without parsing its whole meta: every note renders this on a cold load (M16). */
export function dotsOf(meta: unknown): number {
  const votes = meta && typeof meta === 'object' ? (meta as { votes?: unknown }).votes : undefined
  if (votes === undefined) return 0
  const parsed = votesSchema.safeParse(votes)
  return parsed.success && parsed.data ? voteCount({ votes: parsed.data }) : 0
}

/**
 * A dot button votes on pointer down (tldraw's canvas keeps a tap from
 * becoming a click on touch screens) and on a keyboard click (detail 0).
 */
function voteHandlers(id: string, delta: 1 | -1) {
  return {
    onPointerDown: (event: React.PointerEvent) => {
      stopEventPropagation(event)
      event.preventDefault()
      void vote(id, delta)
    },
    onClick: (event: React.MouseEvent) => {
      if (event.detail === 0) void vote(id, delta)
    },
  }
}

/**
 * The dots on a sticky (F10, F12): the total once voting started; during
 * stemmen a "+" and (for one's own dots) a "−" that vote through the API.
 */
function VoteDots({ shape }: { shape: TLNoteShape }) {
  const language = useValue($language)
  const phase = useValue('phase', () => $facilitation.get().phase, [])
  const mine = useValue('my dots', () => $myVotes.get()[shape.id] ?? 0, [shape.id])
  const total = dotsOf(shape.meta)
  if (!SHOW_DOTS_FROM.has(phase) && total === 0) return null
  const voting = phase === 'stemmen'
  return (
    <div className="bp-note-votes" data-votes={total} data-my-votes={mine} onPointerDown={voting ? stopEventPropagation : undefined}>
      <span className="bp-note-votes__count" title={translate(language, 'facil.votes.count', { count: total })}>
        {'●'.repeat(Math.min(total, 5))}
        {total > 5 ? ` ${total}` : total > 0 ? '' : '○'}
        <span className="bp-sr-only">{translate(language, 'facil.votes.count', { count: total })}</span>
      </span>
      {voting && mine > 0 && (
        <button type="button" className="bp-note-votes__button" data-vote="remove" aria-label={translate(language, 'facil.votes.remove')} title={translate(language, 'facil.votes.remove')} {...voteHandlers(shape.id, -1)}>
          −
        </button>
      )}
      {voting && (
        <button type="button" className="bp-note-votes__button" data-vote="add" aria-label={translate(language, 'facil.votes.add')} title={translate(language, 'facil.votes.add')} {...voteHandlers(shape.id, 1)}>
          +
        </button>
      )}
    </div>
  )
}

/** A note in view: rendered under tldraw's state tracking, as tldraw renders a shape (always the latest record). */
function SeenNote({ util, shape }: { util: TaggedNoteShapeUtil; shape: TLNoteShape }) {
  return useStateTracking('SeenNote', () => util.renderSeen((util.editor.store.unsafeGetWithoutCapture(shape.id) as TLNoteShape | undefined) ?? shape), [util, shape])
}

/**
 * Per editor and note: whether the note has been on screen (or selected, or
 * edited: tldraw never culls those) since the board opened. Once true it
 * stays true and stops watching the view.
 */
const revealedNotes = new WeakMap<Editor, Map<TLShapeId, Computed<boolean>>>()

/** Shapes that hold others: hiding one would hide its children, in view or not. */
const CONTAINERS: ReadonlySet<string> = new Set(['frame', 'group'])

/**
 * SPEC M18: tldraw's `getShapeVisibility`. A shape (a note, an arrow, …; not
 * a sheet or a group, which hold others) that has not been in view yet is
 * hidden, so tldraw does not mount it at all (it mounts every shape of the
 * page, culled or not, each with its own effects and reactors); the moment
 * it comes into view (or is selected or edited) it is shown, and it stays
 * so. Off screen, a hidden shape misses nothing: it can be neither seen nor
 * hit, and moving its sheet moves it.
 */
export function unseenShapesHidden(shape: TLShape, editor: Editor): 'hidden' | 'inherit' {
  return !CONTAINERS.has(shape.type) && !revealed(editor, shape.id).get() ? 'hidden' : 'inherit'
}

function revealed(editor: Editor, id: TLShapeId): Computed<boolean> {
  let notes = revealedNotes.get(editor)
  if (!notes) revealedNotes.set(editor, (notes = new Map()))
  let signal = notes.get(id)
  if (!signal) {
    let shown = false
    signal = computed(`revealed ${id}`, () => (shown ||= !editor.getCulledShapes().has(id)))
    notes.set(id, signal)
  }
  return signal
}

/**
 * tldraw's note with the sticky's tag on it as a labelled badge (symbol and
 * word), so that a tag is never told by colour alone; notes of other tags are
 * dimmed while a tag is highlighted.
 */
export class TaggedNoteShapeUtil extends NoteShapeUtil {
  /**
   * The note's outline without measuring its text (SPEC M12). tldraw's own
   * geometry measures every note's label in the DOM to place a label box,
   * and the first hit test of a board builds the geometry of every shape:
   * with 2,000 stickies that was most of a cold load. The outline comes from
   * the stored growY; the label box covers the note (used for hit testing
   * only). Text is still measured where it matters: when it changes (growY
   * and font size, in tldraw's onBeforeUpdate).
   */
  override getGeometry(shape: TLNoteShape) {
    const { scale, growY } = shape.props
    const width = NOTE_SIZE * scale
    const height = (NOTE_SIZE + growY) * scale
    return new Group2d({
      children: [
        new Rectangle2d({ width, height, isFilled: true }),
        new Rectangle2d({ width, height, isFilled: true, isLabel: true, excludeFromShapeBounds: true }),
      ],
    })
  }

  /**
   * A note that has not been on screen yet renders an empty placeholder
   * (SPEC M16): tldraw mounts every shape and only hides the ones off screen,
   * so a cold load of 2,000 stickies built 2,000 labels nobody saw. The note
   * renders in full the first time it comes into view (or is selected or
   * edited) and stays so.
   */
  override component(shape: TLNoteShape) {
    if (!revealed(this.editor, shape.id).get()) return <div className="bp-note-unseen" data-unseen="true" />
    // Its own component, so that the note's hooks never change the placeholder's (none) in place.
    return <SeenNote util={this} shape={shape} />
  }

  /** The note as tldraw draws it, with its tag badge and dots. */
  renderSeen(shape: TLNoteShape) {
    return (
      <>
        {super.component(shape)}
        <TagBadge shape={shape} />
        <VoteDots shape={shape} />
      </>
    )
  }
}
