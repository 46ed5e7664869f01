import { useEffect, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import { PHASE_INFO, PHASES, type FacilitationState, type Phase, type PutFacilitationBody } from '../../shared/facilitation'
import { apiErrorText } from '../api/apiErrorText'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { $myVotes, $voteError } from './facilitationAtoms'
import { addTemplateSheets, putFacilitation } from './facilitationApi'
import { TemplateSelect } from './TemplatePicker'
import { Ranking } from './Ranking'
import { Timer } from './Timer'
import { usedVotes } from './votes'

/** The sheet (frame) under the centre of the view, else the first one. */
function sheetInView(editor: Editor): { id: string; name: string } | null {
  const center = editor.getViewportPageBounds().center
  const frames = editor.getCurrentPageShapesSorted().filter((s) => s.type === 'frame')
  const under = [...frames].reverse().find((f) => editor.getShapePageBounds(f)?.containsPoint(center)) ?? frames[0]
  return under ? { id: under.id, name: String((under.props as { name?: unknown }).name ?? '') } : null
}

/**
 * Phase, instruction and timer for everyone (F1, F5); counts of private
 * stickies (F7); dots left (F10); and for the coördinator the controls
 * (phase, timer, votes, "iedereen hierheen", agenda).
 */
export function FacilitationBar({ sessionId, state, editor, leads }: { sessionId: string; state: FacilitationState; editor: Editor | null; leads: boolean }) {
  const t = useT()
  const [language] = useLanguage()
  const info = PHASE_INFO[state.phase]
  const myVotes = useValue($myVotes)
  const voteError = useValue($voteError)
  const [error, setError] = useState<unknown>(null)
  const [minutes, setMinutes] = useState(5)
  const [template, setTemplate] = useState('')
  const counts = Object.entries(state.privateCounts)

  useEffect(() => {
    if (voteError === null) return
    const timer = setTimeout(() => $voteError.set(null), 5000)
    return () => clearTimeout(timer)
  }, [voteError])

  const put = async (body: PutFacilitationBody) => {
    try {
      await putFacilitation(sessionId, body)
      setError(null)
    } catch (err) {
      setError(err)
    }
  }
  const shownError = error ?? voteError
  const used = usedVotes(myVotes)

  return (
    <section className="bp-facil" aria-label={t('facil.phase')} data-phase={state.phase}>
      <div className="bp-facil__phase">
        <strong data-testid="phase">{info.label[language]}</strong>
        <span className="bp-facil__instruction" data-testid="instruction">
          {info.instruction[language]}
        </span>
      </div>
      <Timer timer={state.timer} />
      {state.phase === 'stil-schrijven' && counts.length > 0 && (
        <ul className="bp-facil__counts" aria-label={t('facil.privateCounts')} data-testid="private-counts">
          {counts.map(([id, c]) => (
            <li key={id} data-count-of={c.name}>
              {t('facil.privateCount', { name: c.name, count: c.count })}
            </li>
          ))}
        </ul>
      )}
      {state.phase === 'stemmen' && (
        <span className="bp-facil__votes" data-testid="votes-left" data-votes-left={Math.max(0, state.voteBudget - used)}>
          {t('facil.votes.left', { count: Math.max(0, state.voteBudget - used), budget: state.voteBudget })}
        </span>
      )}
      {editor && (state.phase === 'stemmen' || state.phase === 'concluderen' || state.phase === 'afgerond') && <Ranking editor={editor} anonymous={state.anonymous} />}
      {shownError !== null && (
        <span className="bp-error bp-facil__error" role="alert">
          {apiErrorText(shownError, language).text}
        </span>
      )}
      {leads && (
        <details className="bp-facil__controls">
          <summary>{t('facil.controls')}</summary>
          <div className="bp-facil__panel">
            <label>
              {t('facil.setPhase')}{' '}
              <select value={state.phase} data-testid="phase-select" onChange={(e) => void put({ phase: e.target.value as Phase })}>
                {PHASES.map((p) => (
                  <option key={p} value={p}>
                    {PHASE_INFO[p].label[language]}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="bp-facil__timer-controls">
              <legend>{t('facil.timer')}</legend>
              <label>
                {t('facil.timerMinutes')}{' '}
                <input type="number" min={1} max={240} value={minutes} data-testid="timer-minutes" onChange={(e) => setMinutes(Math.max(1, Math.min(240, Number(e.target.value) || 1)))} />
              </label>
              <button type="button" data-testid="timer-start" onClick={() => void put({ timer: { seconds: minutes * 60 } })}>
                {t('facil.timerStart')}
              </button>
              {state.timer?.status === 'running' && (
                <button type="button" onClick={() => void put({ timer: { action: 'pause' } })}>
                  {t('facil.timerPause')}
                </button>
              )}
              {state.timer?.status === 'paused' && (
                <button type="button" onClick={() => void put({ timer: { action: 'resume' } })}>
                  {t('facil.timerResume')}
                </button>
              )}
              <button type="button" onClick={() => void put({ timer: { action: 'addMinute' } })}>
                {t('facil.timerAddMinute')}
              </button>
              {state.timer && (
                <button type="button" onClick={() => void put({ timer: { action: 'stop' } })}>
                  {t('facil.timerStop')}
                </button>
              )}
            </fieldset>
            <label>
              {t('facil.voteBudget')}{' '}
              <input type="number" min={0} max={20} value={state.voteBudget} data-testid="vote-budget" onChange={(e) => void put({ voteBudget: Math.max(0, Math.min(20, Number(e.target.value) || 0)) })} />
            </label>
            <label>
              <input type="checkbox" checked={state.anonymous} onChange={(e) => void put({ anonymous: e.target.checked })} /> {t('facil.anonymous')}
            </label>
            <button
              type="button"
              data-testid="summon"
              title={t('facil.summonHint')}
              disabled={!editor}
              onClick={() => {
                const sheet = editor ? sheetInView(editor) : null
                if (sheet) void put({ summon: { sheetId: sheet.id } })
              }}
            >
              {t('facil.summon')}
            </button>
            <fieldset>
              <legend>{t('facil.addSheets')}</legend>
              <TemplateSelect name="sheet-template" value={template} onChange={setTemplate} emptyLabel={t('facil.addSheetsTemplate')} />
              <button
                type="button"
                disabled={!template}
                onClick={() =>
                  void addTemplateSheets(sessionId, template).then(
                    () => setTemplate(''),
                    (err: unknown) => setError(err),
                  )
                }
              >
                {t('facil.addSheetsButton')}
              </button>
            </fieldset>
            <fieldset className="bp-facil__agenda">
              <legend>{t('facil.agenda')}</legend>
              {state.agenda.map((item, i) => (
                <label key={item.phase}>
                  {PHASE_INFO[item.phase].label[language]}{' '}
                  <input
                    type="number"
                    min={0}
                    max={600}
                    value={item.minutes}
                    data-agenda-phase={item.phase}
                    onChange={(e) => {
                      const agenda = state.agenda.map((a, j) => (j === i ? { ...a, minutes: Math.max(0, Math.min(600, Number(e.target.value) || 0)) } : a))
                      void put({ agenda })
                    }}
                  />{' '}
                  min
                </label>
              ))}
            </fieldset>
          </div>
        </details>
      )}
    </section>
  )
}
