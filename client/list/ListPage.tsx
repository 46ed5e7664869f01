import '../panel/panel.css'
import './list.css'
import { useMemo, useState } from 'react'
import type { MeResponse } from '../../shared/access'
import { compareReadingOrder, type DomainBoard } from '../../shared/boardModel'
import { CloseCode } from '../../shared/closeCodes'
import { TAGS, type Tag } from '../../shared/tags'
import { ConnectionBadge } from '../board/ConnectionBadge'
import { tagHint } from '../i18n/domainLabels'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { useIdentity } from '../identity/useIdentity'
import { boardWriterOf, canEditBoard } from '../panel/permissions'
import { Link } from '../router/Link'
import { useConnectionStatus } from '../sync/useConnectionStatus'
import { useDocBoard } from '../sync/useDocBoard'
import { useSessionDoc } from '../sync/useSessionDoc'
import { useSessionInfo } from '../sync/useSessionInfo'
import { ListSticky } from './ListSticky'
import { filterStickies, groupBySheetAndTag } from './groupStickies'

/**
 * The list view `/s/:id/lijst` (SPEC M10): every sticky of the board by sheet
 * and tag, with search and a tag filter; text, tag, fields and links are
 * edited in place, without the canvas (and without tldraw). Works with the
 * keyboard and a screen reader; also the fallback for people who cannot use
 * a canvas.
 */
export default function ListPage({ sessionId }: { sessionId: string }) {
  const t = useT()
  const identity = useIdentity()
  if (identity.status === 'loading') return <div className="bp-center">{t('app.loading')}</div>
  const me = identity.identity?.me ?? null
  if (me?.kind === 'anonymous') {
    return (
      <div className="bp-center">
        <p className="bp-error">{t('board.unauthorized')}</p>
        <Link to="/">{t('login.title')}</Link>
      </div>
    )
  }
  return <ListView sessionId={sessionId} me={me} />
}

function ListView({ sessionId, me }: { sessionId: string; me: MeResponse | null }) {
  const t = useT()
  const [language] = useLanguage()
  const state = useSessionDoc(sessionId)
  const doc = state.session?.doc ?? null
  const info = useSessionInfo(doc)
  const board: DomainBoard = useDocBoard(doc)
  const status = useConnectionStatus(state.session?.provider ?? null)
  const readOnly = !canEditBoard(me)
  const writer = useMemo(() => boardWriterOf(me), [me])
  const [query, setQuery] = useState('')
  const [tag, setTag] = useState<Tag | ''>('')

  const sheets = useMemo(() => [...board.sheets].sort((a, b) => compareReadingOrder(a, b, 200)), [board.sheets])
  const found = useMemo(() => filterStickies(board.stickies, query, tag), [board.stickies, query, tag])
  const groups = useMemo(() => groupBySheetAndTag(sheets, found), [sheets, found])
  const base = `/s/${encodeURIComponent(sessionId)}`

  return (
    <div className="bp-list">
      <header className="bp-header bp-list__header">
        <Link to={base} className="bp-back">
          ← {t('list.toBoard')}
        </Link>
        <h1>{info?.title ?? '…'}</h1>
        <ConnectionBadge status={status} />
        <Link to={`${base}/telefoon`}>{t('views.phone')}</Link>
        <LanguageSwitch />
      </header>
      <main className="bp-list__main">
        <h2 className="bp-list__title">{t('list.title')}</h2>
        {state.refused ? (
          <p className="bp-error" role="alert">
            {state.refused.code === CloseCode.UnknownSession ? t('board.unknownSession') : state.refused.code === CloseCode.Unauthorized ? t('board.unauthorized') : t('board.forbidden')}
          </p>
        ) : !state.synced ? (
          <p>{t('board.loading')}</p>
        ) : (
          <>
            {readOnly && <p className="bp-muted">{t('board.readOnlyHint')}</p>}
            <div role="search" className="bp-list__search">
              <label>
                <span>{t('list.search')}</span>
                <input type="search" name="q" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('list.searchPlaceholder')} />
              </label>
              <label>
                <span>{t('list.tagFilter')}</span>
                <select name="tag" value={tag} onChange={(e) => setTag(e.target.value as Tag | '')}>
                  <option value="">{t('list.allTags')}</option>
                  {TAGS.map((value) => (
                    <option key={value} value={value}>
                      {tagHint(value, language)}
                    </option>
                  ))}
                </select>
              </label>
              <p role="status" className="bp-list__count" data-count={found.length}>
                {t('list.count', { count: found.length, total: board.stickies.length })}
              </p>
            </div>
            {groups.length === 0 && <p className="bp-muted">{board.stickies.length === 0 ? t('list.empty') : t('list.noMatch')}</p>}
            {groups.map((group) => (
              <section key={group.id ?? 'outside'} className="bp-list__sheet" aria-labelledby={`sheet-${group.key}`} data-sheet={group.id ?? ''}>
                <h2 id={`sheet-${group.key}`}>{group.name ?? t('list.outside')}</h2>
                {group.tags.map(({ tag: groupTag, stickies }) => (
                  <section key={groupTag} className="bp-list__tag" aria-labelledby={`sheet-${group.key}-${groupTag}`}>
                    <h3 id={`sheet-${group.key}-${groupTag}`}>
                      {tagHint(groupTag, language)} <span className="bp-muted">({stickies.length})</span>
                    </h3>
                    <ul className="bp-list__stickies">
                      {doc &&
                        stickies.map((sticky) => (
                          <ListSticky key={sticky.id} doc={doc} board={board} sticky={sticky} writer={writer} />
                        ))}
                    </ul>
                  </section>
                ))}
              </section>
            ))}
          </>
        )}
      </main>
    </div>
  )
}
