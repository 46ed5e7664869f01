import { useEffect, useMemo, useState } from 'react'
import { readBoard } from '../../shared/boardModel'
import type { HistoryVersion } from '../../shared/history'
import { ErrorMessage } from '../api/ErrorMessage'
import { tagLabel } from '../i18n/domainLabels'
import { useT } from '../i18n/useT'
import { BoardSketch } from './BoardSketch'
import { fetchHistoryVersion } from './historyApi'

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; version: HistoryVersion }

/** What one version holds: a sketch of the board and its stickies per sheet, in reading order. */
export function VersionPreview({ sessionId, version, when }: { sessionId: string; version: number; when: (iso: string) => string }) {
  const t = useT()
  const [state, setState] = useState<State>({ status: 'loading' })
  useEffect(() => {
    let active = true
    setState({ status: 'loading' })
    fetchHistoryVersion(sessionId, version).then(
      (loaded) => active && setState({ status: 'ready', version: loaded }),
      (error: unknown) => active && setState({ status: 'error', error }),
    )
    return () => {
      active = false
    }
  }, [sessionId, version])
  const board = useMemo(() => (state.status === 'ready' ? readBoard(state.version.content.records) : null), [state])

  if (state.status === 'loading') return <p>{t('history.preview.loading')}</p>
  if (state.status === 'error') return <ErrorMessage error={state.error} />
  if (!board) return null
  const groups = [
    ...board.sheets.map((sheet) => ({ id: sheet.id, name: sheet.name, stickies: board.stickies.filter((s) => s.sheetId === sheet.id) })),
    { id: 'outside', name: t('history.preview.outside'), stickies: board.stickies.filter((s) => s.sheetId === null) },
  ].filter((group) => group.id !== 'outside' || group.stickies.length > 0)
  return (
    <div className="bp-history__preview-body" data-testid="history-preview">
      <h3>{t('history.preview.title', { version: state.version.version, when: when(state.version.takenAt) })}</h3>
      <BoardSketch board={board} label={t('history.preview.picture', { version: state.version.version })} />
      {groups.length === 0 && <p className="bp-muted">{t('history.preview.emptyBoard')}</p>}
      {groups.map((group) => (
        <section key={group.id} className="bp-history__sheet">
          <h4>{group.name}</h4>
          {group.stickies.length === 0 ? (
            <p className="bp-muted">{t('history.preview.noStickies')}</p>
          ) : (
            <ul>
              {group.stickies.map((sticky) => (
                <li key={sticky.id}>
                  <span className={`bp-history__tag bp-history__tag--${sticky.tag}`}>{tagLabel(sticky.tag)}</span> {sticky.text || t('history.preview.noText')}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  )
}
