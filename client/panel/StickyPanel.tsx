import { useValue, type Editor } from 'tldraw'
import { TAG_INFO, TAGS, type Tag } from '../../shared/tags'
import { tagLabel } from '../i18n/domainLabels'
import { useT } from '../i18n/useT'
import { retagSelection } from '../board/retagShapes'
import { $writer } from '../board/boardState'
import { stickyRights } from './permissions'
import { StickyFields } from './StickyFields'
import { linkStickies, unlinkStickies } from './linkStickies'
import { StickyLinks } from './StickyLinks'
import { updateStickyMeta } from './updateStickyMeta'
import { useBoardModel } from './useBoardModel'

/** The selected sticky: its tag, its links and the fields of its tag. */
export function StickyPanel({ editor, readOnly }: { editor: Editor; readOnly: boolean }) {
  const t = useT()
  const selectedId = useValue(
    'selected sticky',
    () => {
      const shape = editor.getOnlySelectedShape()
      return shape?.type === 'note' ? shape.id : null
    },
    [editor],
  )
  if (!selectedId) return <p className="bp-muted bp-pane__hint">{t('panel.sticky.none')}</p>
  return <StickyDetails editor={editor} id={selectedId} readOnly={readOnly} />
}

function StickyDetails({ editor, id, readOnly }: { editor: Editor; id: string; readOnly: boolean }) {
  const t = useT()
  const board = useBoardModel(editor)
  const writer = useValue('writer', () => $writer.get(), [])
  const sticky = board.stickies.find((s) => s.id === id)
  if (!sticky) return null
  const sheet = sticky.sheetId ? board.sheets.find((s) => s.id === sticky.sheetId)?.name : null
  // W17: only what the write rules allow this writer on this sticky.
  const rights = stickyRights(writer, sticky.meta)
  return (
    <div className="bp-sticky-panel" data-sticky={sticky.id}>
      <div className="bp-sticky-panel__head" style={{ ['--bp-tag' as string]: TAG_INFO[sticky.tag].hex }}>
        <label>
          {t('panel.sticky.tag')}
          <select
            name="tag"
            value={sticky.tag}
            disabled={readOnly || !rights.edit}
            onChange={(e) => retagSelection(editor, e.target.value as Tag)}
          >
            {TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {TAG_INFO[tag].symbol} {tagLabel(tag)}
              </option>
            ))}
          </select>
        </label>
        <blockquote className="bp-sticky-panel__text">{sticky.text || '…'}</blockquote>
        <p className="bp-muted">{sheet ? t('panel.sticky.onSheet', { sheet }) : t('panel.sticky.noSheet')}</p>
      </div>
      <StickyFields
        sticky={sticky}
        readOnly={readOnly || !rights.edit}
        setsStatus={!readOnly && rights.setStatus}
        onField={(field, value) => updateStickyMeta(editor, sticky.id, field, value)}
      />
      <h3>{t('panel.links.title')}</h3>
      <StickyLinks
        board={board}
        sticky={sticky}
        readOnly={readOnly || !rights.link}
        onLink={(fromId, toId) => linkStickies(editor, fromId, toId)}
        onUnlink={(arrowId) => unlinkStickies(editor, arrowId)}
      />
    </div>
  )
}
