import { useValue, type Editor, type TLNoteShape } from 'tldraw'
import { parseStickyMeta } from '../../shared/boardModel'
import { flattenRichText } from '../../shared/richText'
import { voteCount } from '../../shared/sticky'
import { rankByVotes } from '../../shared/voteRanking'
import { useT } from '../i18n/useT'

export interface RankedSticky {
  /** Ties share a rank, as in the verslag (V26). */
  rank: number
  id: string
  text: string
  votes: number
  voters: string[]
}

/** Stickies with dots, most first (ties by text); voter ids named from the stickies' authors (F12). */
export function rankStickies(notes: readonly { id: string; text: string; meta: unknown }[]): RankedSticky[] {
  const names = new Map<string, string>()
  for (const n of notes) {
    const author = parseStickyMeta(n.meta).author
    if (author) names.set(author.id, author.name)
  }
  const parsed = notes.map((n) => ({ id: n.id, text: n.text, meta: parseStickyMeta(n.meta) })).sort((a, b) => a.text.localeCompare(b.text) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return rankByVotes(parsed, (n) => voteCount(n.meta)).map(({ rank, votes, entry }) => ({
    rank,
    id: entry.id,
    text: entry.text,
    votes,
    voters: Object.keys(entry.meta.votes ?? {}).map((id) => names.get(id) ?? id),
  }))
}

/** The results of dot voting on the board, ranked (F12); with names unless voting is anonymous. */
export function Ranking({ editor, anonymous }: { editor: Editor; anonymous: boolean }) {
  const t = useT()
  const ranked = useValue(
    'ranking',
    () =>
      rankStickies(
        editor
          .getCurrentPageShapes()
          .filter((s): s is TLNoteShape => s.type === 'note')
          .map((s) => ({ id: s.id, text: flattenRichText(s.props.richText), meta: s.meta })),
      ),
    [editor],
  )
  return (
    <details className="bp-facil__ranking" data-testid="ranking">
      <summary>{t('facil.votes.ranking')}</summary>
      {ranked.length === 0 ? (
        <p className="bp-muted">{t('facil.votes.none')}</p>
      ) : (
        <ol className="bp-ranking">
          {ranked.slice(0, 20).map((r) => (
            <li key={r.id} data-ranked={r.text} data-votes={r.votes} data-rank={r.rank}>
              <button type="button" className="bp-link-button" onClick={() => editor.select(r.id as TLNoteShape['id'])}>
                {r.text || '…'}
              </button>{' '}
              — {r.votes === 1 ? t('facil.votes.countOne') : t('facil.votes.count', { count: r.votes })}
              {!anonymous && r.voters.length > 0 && <span className="bp-muted"> ({t('facil.votes.voters', { names: r.voters.join(', ') })})</span>}
            </li>
          ))}
        </ol>
      )}
    </details>
  )
}
