import { useEffect, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import type * as Y from 'yjs'
import type { MessageKey } from '../i18n/nl'
import { useT } from '../i18n/useT'
import { useIdentity } from '../identity/useIdentity'
import { VerslagPane } from '../verslag/VerslagPane'
import '../verslag/verslag.css'
import './panel.css'
import { canEditBoard, canEditVerslag, canFollowActielijst } from './permissions'
import { EarlierAfspraken } from '../actielijst/EarlierAfspraken'
import { EarlierConclusies } from '../regelruimte/EarlierConclusies'
import { useSessionInfo } from '../sync/useSessionInfo'
import { SessionDetailsPanel } from './SessionDetailsPanel'
import { StickyPanel } from './StickyPanel'

type Pane = 'sticky' | 'sessie' | 'verslag'

const WIDE_SCREEN = '(min-width: 900px)'

const PANE_LABEL: Readonly<Record<Pane, MessageKey>> = {
  sticky: 'panel.tab.sticky',
  sessie: 'panel.tab.sessie',
  verslag: 'panel.tab.verslag',
}

/**
 * The side of the board: a rail of tabs and one pane at a time — the
 * selected sticky, the session details, the verslag. On a wide screen,
 * selecting a sticky opens its pane unless another pane is open or the user
 * closed it.
 */
export function BoardSide({ sessionId, doc, editor }: { sessionId: string; doc: Y.Doc | null; editor: Editor | null }) {
  const t = useT()
  const identity = useIdentity()
  const me = identity.status === 'ready' ? (identity.identity?.me ?? null) : null
  const ready = identity.status === 'ready'
  const editsBoard = ready && canEditBoard(me)
  const editsVerslag = ready && canEditVerslag(me)
  const [pane, setPane] = useState<Pane | null>(null)
  const [stickyClosed, setStickyClosed] = useState(false)
  const selectedNote = useValue('selected note', () => (editor ? editor.getOnlySelectedShape()?.type === 'note' : false), [editor])

  useEffect(() => {
    // Not on a phone: there the pane would cover the canvas while someone is adding stickies.
    if (selectedNote && pane === null && !stickyClosed && window.matchMedia(WIDE_SCREEN).matches) setPane('sticky')
  }, [selectedNote, pane, stickyClosed])

  const panes: Pane[] = editsVerslag ? ['sticky', 'sessie', 'verslag'] : ['sticky', 'sessie']
  const toggle = (next: Pane) => {
    if (pane === next) {
      setPane(null)
      if (next === 'sticky') setStickyClosed(true)
    } else {
      setPane(next)
      if (next === 'sticky') setStickyClosed(false)
    }
  }

  return (
    <aside className={`bp-side${pane ? ' is-open' : ''}${pane === 'verslag' ? ' is-wide' : ''}`} aria-label={t('panel.side')}>
      <nav className="bp-side__rail" aria-label={t('panel.tabs')}>
        {panes.map((p) => (
          <button key={p} type="button" className={`bp-side__tab${pane === p ? ' is-active' : ''}`} aria-pressed={pane === p} data-pane={p} onClick={() => toggle(p)}>
            {t(PANE_LABEL[p])}
            {p === 'sticky' && selectedNote && <span className="bp-side__dot" aria-hidden="true" />}
          </button>
        ))}
      </nav>
      {pane && (
        <div className="bp-pane" data-open-pane={pane}>
          <header className="bp-pane__header">
            <h2>{t(PANE_LABEL[pane])}</h2>
            <button type="button" className="bp-icon-button" onClick={() => toggle(pane)} aria-label={t('panel.close')} title={t('panel.close')}>
              ×
            </button>
          </header>
          <div className="bp-pane__body">
            {pane === 'sticky' && (editor ? <StickyPanel editor={editor} readOnly={!editsBoard} /> : <p className="bp-muted">{t('board.loading')}</p>)}
            {pane === 'sessie' && (doc ? <SessionDetailsPanel doc={doc} readOnly={!editsVerslag} sessionId={sessionId} /> : <p className="bp-muted">{t('board.loading')}</p>)}
            {pane === 'sessie' && doc && ready && canFollowActielijst(me) && <EarlierAfsprakenOf sessionId={sessionId} doc={doc} />}
            {pane === 'sessie' && doc && editsVerslag && <EarlierConclusiesOf sessionId={sessionId} doc={doc} />}
            {pane === 'verslag' && doc && <VerslagPane sessionId={sessionId} doc={doc} editor={editor} />}
          </div>
        </div>
      )}
    </aside>
  )
}

/** A10: the themagroep and date come from the session's document, as the actielijst's rows do (A2). */
function EarlierAfsprakenOf({ sessionId, doc }: { sessionId: string; doc: Y.Doc }) {
  const info = useSessionInfo(doc)
  if (!info) return null
  return <EarlierAfspraken key={`${info.themagroep}/${info.date ?? ''}`} sessionId={sessionId} themagroep={info.themagroep} date={info.date ?? null} />
}

/** R14: listed again when the session's date changes (which sessions are earlier depends on it). */
function EarlierConclusiesOf({ sessionId, doc }: { sessionId: string; doc: Y.Doc }) {
  const info = useSessionInfo(doc)
  return <EarlierConclusies key={`${info?.themagroep ?? ''}/${info?.date ?? ''}`} sessionId={sessionId} />
}
