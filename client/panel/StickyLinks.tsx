import { useState } from 'react'
import type { DomainBoard } from '../../shared/boardModel'
import type { DomainSticky } from '../../shared/sticky'
import { TAG_INFO } from '../../shared/tags'
import { tagLabel } from '../i18n/domainLabels'
import type { MessageKey } from '../i18n/nl'
import { useT } from '../i18n/useT'
import { arrowEnds, candidates, linkedStickies, relationsFor, type Relation } from './stickyRelations'

const RELATION_KEY: Readonly<Record<Relation, MessageKey>> = {
  restsOn: 'panel.links.restsOn',
  asksFor: 'panel.links.asksFor',
  followsFrom: 'panel.links.followsFrom',
  directlyOn: 'panel.links.directlyOn',
  supportsConclusie: 'panel.links.supportsConclusie',
  supportsRegelruimte: 'panel.links.supportsRegelruimte',
}

function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 70 ? `${line.slice(0, 69)}…` : line || '…'
}

function StickyChip({ sticky }: { sticky: DomainSticky }) {
  return (
    <span className="bp-chip" style={{ ['--bp-tag' as string]: TAG_INFO[sticky.tag].hex }} title={`${tagLabel(sticky.tag)}: ${sticky.text}`}>
      <span aria-hidden="true">{TAG_INFO[sticky.tag].symbol}</span> {short(sticky.text)}
    </span>
  )
}

/**
 * The links of the selected sticky, per relation (SPEC V6), with a list to
 * add one and a button to remove one: no drawing needed. Writes through
 * `onLink` / `onUnlink`: the editor on the board, the doc in the list view.
 */
export function StickyLinks({
  board,
  sticky,
  readOnly,
  onLink,
  onUnlink,
}: {
  board: DomainBoard
  sticky: DomainSticky
  readOnly: boolean
  onLink(fromId: string, toId: string): void
  onUnlink(arrowId: string): void
}) {
  const t = useT()
  const linked = linkedStickies(board, sticky.id)
  return (
    <div className="bp-links">
      {relationsFor(sticky.tag).map((relation) => {
        const list = linked.get(relation) ?? []
        const options = candidates(board, sticky.id, relation, list)
        return (
          <section key={relation} className="bp-links__group" data-relation={relation}>
            <h4>{t(RELATION_KEY[relation])}</h4>
            {list.length === 0 && <p className="bp-muted bp-links__empty">{t('panel.links.none')}</p>}
            <ul>
              {list.map((l) => (
                <li key={l.arrowId}>
                  <StickyChip sticky={l.sticky} />
                  {!readOnly && (
                    <button type="button" className="bp-icon-button" onClick={() => onUnlink(l.arrowId)} title={t('panel.links.remove')} aria-label={`${t('panel.links.remove')}: ${short(l.sticky.text)}`}>
                      ×
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {!readOnly && (
              <AddLink
                options={options}
                onAdd={(otherId) => {
                  const ends = arrowEnds(relation, sticky.id, otherId)
                  onLink(ends.fromId, ends.toId)
                }}
              />
            )}
          </section>
        )
      })}
    </div>
  )
}

function AddLink({ options, onAdd }: { options: DomainSticky[]; onAdd(id: string): void }) {
  const t = useT()
  const [choice, setChoice] = useState('')
  if (options.length === 0) return <p className="bp-muted bp-links__empty">{t('panel.links.noCandidates')}</p>
  return (
    <div className="bp-links__add">
      <select value={choice} onChange={(e) => setChoice(e.target.value)} aria-label={t('panel.links.choose')}>
        <option value="">{t('panel.links.choose')}</option>
        {options.map((s) => (
          <option key={s.id} value={s.id}>
            {TAG_INFO[s.tag].symbol} {short(s.text)}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={choice === ''}
        onClick={() => {
          onAdd(choice)
          setChoice('')
        }}
      >
        {t('panel.links.add')}
      </button>
    </div>
  )
}
