import { useCallback, useEffect, useMemo, useState } from 'react'
import { atom, DefaultFontStyle, DefaultSizeStyle, getUserPreferences, setUserPreferences, Tldraw, type Editor, type TLComponents, type TLUiOverrides, type TLUser } from 'tldraw'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { CLOSE_REASONS, CloseCode } from '../../shared/closeCodes'
import { BoardAccessBar } from '../access/BoardAccessBar'
import type { Participant } from '../identity/participant'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { BoardSide } from '../panel/BoardSide'
import { canEditBoard, canEditVerslag } from '../panel/permissions'
import { useIdentity } from '../identity/useIdentity'
import { FacilitationBar } from '../facilitation/FacilitationBar'
import { $facilitation, $myVotes, $privateWriting, $sessionId } from '../facilitation/facilitationAtoms'
import { fetchMyVotes } from '../facilitation/facilitationApi'
import { FollowBanner, PresenceList } from '../facilitation/PresenceList'
import { PrivateTray } from '../facilitation/PrivateTray'
import { registerPrivateWriting } from '../facilitation/registerPrivateWriting'
import { ensureClockOffset } from '../facilitation/serverClock'
import { useFacilitation } from '../facilitation/useFacilitation'
import { useSummon } from '../facilitation/useSummon'
import { Link } from '../router/Link'
import { useConnectionStatus } from '../sync/useConnectionStatus'
import { useLicenseKey } from '../sync/useLicenseKey'
import { useSessionDoc } from '../sync/useSessionDoc'
import { useSessionInfo } from '../sync/useSessionInfo'
import { useYjsStore } from '../sync/useYjsStore'
import { $author, $language, $writer } from './boardState'
import { ConnectionBadge } from './ConnectionBadge'
import { exposeTestHooks } from './exposeTestHooks'
import { participantAuthor, participantUser } from './participantUser'
import { registerEmptyNoteCleanup } from './registerEmptyNoteCleanup'
import { registerTagSideEffects } from './registerTagSideEffects'
import { registerWriteGuards } from './registerWriteGuards'
import { boardWriterOf } from '../panel/permissions'
import { BoardMainMenu } from './BoardMainMenu'
import { RetagNotice } from './RetagNotice'
import { ShortcutHelp } from './ShortcutHelp'
import { TagBar } from './TagBar'
import { TaggedNoteShapeUtil, unseenShapesHidden } from './TaggedNoteShapeUtil'
import { useBoardShortcuts } from './useBoardShortcuts'
import { initialView } from './initialView'
import { LAZY_PATTERN_SHAPE_UTILS } from './lazyPatternFill'

// Our note (M12, M16, M18); geo, draw and arrow with their pattern tiles made when first used (M20).
const SHAPE_UTILS = [TaggedNoteShapeUtil, ...LAZY_PATTERN_SHAPE_UTILS]
const ASSET_URLS = getAssetUrlsByImport()
/**
 * tldraw's words in our domain's: its Dutch calls the note tool "Opmerking",
 * which is also our tag for an untagged sticky (the tool makes a sticky with
 * the current tag), and a frame is a sheet (vel) here.
 */
const UI_COMPONENTS: TLComponents = { MainMenu: BoardMainMenu }
const UI_OVERRIDES: TLUiOverrides = {
  translations: {
    nl: { 'tool.note': 'Sticky', 'tool.frame': 'Vel' },
    en: { 'tool.note': 'Sticky', 'tool.frame': 'Sheet' },
  },
}

/** The first view of the board: the sheets at a readable zoom (SPEC M11, initialView.ts). */
function zoomToSheets(editor: Editor): void {
  const pageId = editor.getCurrentPageId()
  const topLevel = editor.getCurrentPageShapesSorted().filter((shape) => shape.parentId === pageId)
  const boundsOf = (shapes: typeof topLevel) => shapes.map((shape) => editor.getShapePageBounds(shape)).filter((b) => b !== undefined)
  const sheets = boundsOf(topLevel.filter((shape) => shape.type === 'frame'))
  const screen = editor.getViewportScreenBounds()
  const view = initialView(sheets, sheets.length ? [] : boundsOf(topLevel), { w: screen.w, h: screen.h })
  if (!view) return
  editor.setCamera({ x: screen.w / (2 * view.z) - view.cx, y: screen.h / (2 * view.z) - view.cy, z: view.z }, { immediate: true })
}

export function Board({ sessionId, participant, onEditIdentity, dialogOpen }: { sessionId: string; participant: Participant; onEditIdentity(): void; dialogOpen: boolean }) {
  const t = useT()
  const [language] = useLanguage()
  // tldraw's own words in the UI's language from its first render: it starts
  // loading that translation at once instead of showing the browser's
  // language until the editor has mounted (M13).
  useState(() => {
    if (getUserPreferences().locale !== language) setUserPreferences({ ...getUserPreferences(), locale: language })
  })
  const state = useSessionDoc(sessionId)
  const $user = useMemo(() => atom<TLUser | null>('participant user', participantUser(participant)), [])
  useEffect(() => {
    $user.set(participantUser(participant))
    $author.set(participantAuthor(participant))
  }, [participant, $user])
  useEffect(() => {
    $language.set(language)
  }, [language])
  const identity = useIdentity()
  useEffect(() => {
    if (identity.status === 'ready') $writer.set(boardWriterOf(identity.identity?.me ?? null))
  }, [identity])

  const store = useYjsStore({ state, $user, shapeUtils: SHAPE_UTILS })
  const status = useConnectionStatus(state.session?.provider ?? null)
  const info = useSessionInfo(state.session?.doc ?? null)
  const awareness = state.session?.provider.awareness ?? null
  // Facilitation (F1–F15): phase, timer, private writing, votes, summon, presence.
  const facilitation = useFacilitation(state.session?.doc ?? null)
  const me = identity.status === 'ready' ? (identity.identity?.me ?? null) : null
  const leads = identity.status === 'ready' && canEditVerslag(me)
  const writesPrivately = facilitation.phase === 'stil-schrijven' && me?.kind === 'participant' && me.role === 'deelnemer'
  const votes = identity.status === 'ready' && canEditBoard(me)
  useEffect(() => {
    $facilitation.set(facilitation)
    $privateWriting.set(writesPrivately)
  }, [facilitation, writesPrivately])
  useEffect(() => {
    $sessionId.set(sessionId)
    void ensureClockOffset()
  }, [sessionId])
  useEffect(() => {
    if (!votes || facilitation.phase !== 'stemmen') return
    let active = true
    void fetchMyVotes(sessionId)
      .then((mine) => active && $myVotes.set(mine.votes))
      .catch(() => undefined)
    return () => {
      active = false
    }
  }, [votes, facilitation.phase, sessionId])
  useEffect(() => {
    awareness?.setLocalStateField('person', { name: participant.name, organisation: participant.organisation })
  }, [awareness, participant])
  const licenseKey = useLicenseKey()
  const [editor, setEditor] = useState<Editor | null>(null)
  const [helpOpen, setHelpOpen] = useState(false)
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), [])
  useBoardShortcuts(editor, toggleHelp, !dialogOpen)
  const summoned = useSummon(editor, facilitation.summon)

  useEffect(() => {
    if (!editor) return
    editor.user.updateUserPreferences({ locale: language, name: participant.name, color: participantUser(participant).color })
  }, [editor, language, participant])

  useEffect(() => {
    if (!editor || !state.session) return
    return exposeTestHooks({ editor, doc: state.session.doc, provider: state.session.provider })
  }, [editor, state.session])

  const onMount = useCallback((mounted: Editor) => {
    performance.mark('bp:editor-mounted')
    const offSideEffects = registerTagSideEffects(mounted)
    const offEmptyNotes = registerEmptyNoteCleanup(mounted)
    const offPrivate = registerPrivateWriting(mounted)
    const offWriteGuards = registerWriteGuards(mounted)
    // New stickies look like the ones the server and the import make (shared/records.ts).
    mounted.setStyleForNextShapes(DefaultFontStyle, 'sans')
    mounted.setStyleForNextShapes(DefaultSizeStyle, 's')
    zoomToSheets(mounted)
    setEditor(mounted)
    return () => {
      offSideEffects()
      offEmptyNotes()
      offWriteGuards()
      setEditor(null)
    }
  }, [])

  const refused = state.refused
  return (
    <div className="bp-board">
      <header className="bp-header bp-header--board">
        <Link to="/" className="bp-back">
          ← {t('board.back')}
        </Link>
        <div className="bp-board__title">
          <h1>{info?.title ?? '…'}</h1>
          {info && <span className="bp-muted">{info.themagroep}</span>}
        </div>
        <ConnectionBadge status={status} />
        <BoardAccessBar sessionId={sessionId} editor={editor} />
        <nav className="bp-views" aria-label={t('views.label')}>
          <Link to={`/s/${encodeURIComponent(sessionId)}/lijst`} title={t('views.listHint')}>
            {t('views.list')}
          </Link>
          <Link to={`/s/${encodeURIComponent(sessionId)}/telefoon`} title={t('views.phoneHint')}>
            {t('views.phone')}
          </Link>
        </nav>
        <PresenceList awareness={awareness} editor={editor} />
        <button type="button" className="bp-me" onClick={onEditIdentity} title={t('identity.change')}>
          {participant.name}
          {participant.organisation ? ` · ${participant.organisation}` : ''}
        </button>
        <button type="button" className="bp-help-button" onClick={toggleHelp} title={t('help.open')} aria-label={t('help.open')} aria-expanded={helpOpen}>
          ?
        </button>
        <LanguageSwitch />
      </header>
      {state.session && <FacilitationBar sessionId={sessionId} state={facilitation} editor={editor} leads={leads} />}
      {editor && <TagBar editor={editor} />}
      <div className="bp-canvas">
        {refused ? (
          <div className="bp-center">
            <p className="bp-error">
              {refused.code === CloseCode.UnknownSession
                ? t('board.unknownSession')
                : refused.code === CloseCode.Unauthorized
                  ? t('board.unauthorized')
                  : refused.code === CloseCode.Forbidden
                    ? t('board.forbidden')
                    : refused.code === CloseCode.TooManyConnections
                      ? t('board.tooManyConnections')
                    : t('board.refused', { reason: refused.reason || CLOSE_REASONS[refused.code] || String(refused.code) })}
            </p>
            <Link to="/">{t('app.toStart')}</Link>
          </div>
        ) : licenseKey === undefined || store.status === 'loading' ? (
          <div className="bp-center">{t('board.loading')}</div>
        ) : (
          <Tldraw
            store={store}
            shapeUtils={SHAPE_UTILS}
            assetUrls={ASSET_URLS}
            licenseKey={licenseKey ?? undefined}
            overrides={UI_OVERRIDES}
            components={UI_COMPONENTS}
            onMount={onMount}
            getShapeVisibility={unseenShapesHidden}
            autoFocus
          />
        )}
        {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
        {editor && <RetagNotice editor={editor} />}
        {state.writeRefused && (
          <p className="bp-write-refused" role="status">
            {t(state.writeRefused.code === CloseCode.WriteRefused ? 'board.writeRefused' : 'board.writeRefusedLimit')}
          </p>
        )}
        {writesPrivately && <PrivateTray sessionId={sessionId} editor={editor} count={Object.values(facilitation.privateCounts).reduce((a, c) => a + c.count, 0)} />}
        {editor && <FollowBanner editor={editor} awareness={awareness} />}
        {summoned && (
          <div className="bp-summon-banner" role="status">
            {t('facil.summonedAnon', { sheet: String((editor?.getShape(summoned.sheetId as never)?.props as { name?: unknown } | undefined)?.name ?? '') })}
          </div>
        )}
      </div>
      <BoardSide sessionId={sessionId} doc={state.session?.doc ?? null} editor={editor} />
    </div>
  )
}
