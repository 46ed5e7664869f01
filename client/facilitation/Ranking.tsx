import { useValue, type Editor, type TLNoteShape } from 'tldraw'
import { parseStickyMeta } from '../../shared/boardModel'
import { flattenRichText } from '../../shared/richText'
import { voteCount } from '../../shared/sticky'
import { useT } from '../i18n/useT'

export interface RankedSticky {
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
  return notes
    .map((n) => {
      const meta = parseStickyMeta(n.meta)
      return { id: n.id, text: n.text, votes: voteCount(meta), voters: Object.keys(meta.votes ?? {}).map((id) => names.get(id) ?? id) }
    })
    .filter((r) => r.votes > 0)
    .sort((a, b) => b.votes - a.votes || a.text.localeCompare(b.text))
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
            <li key={r.id} data-ranked={r.text} data-votes={r.votes}>
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
