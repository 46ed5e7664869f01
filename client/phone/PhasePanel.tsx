import { formatRemaining, PHASE_INFO, timerRemainingMs, type FacilitationState } from '../../shared/facilitation'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { useServerNow } from './useServerClock'

/** The phase with its instruction and the timer, as the board shows them (SPEC M6, F1, F5). */
export function PhasePanel({ facilitation }: { facilitation: FacilitationState }) {
  const t = useT()
  const [language] = useLanguage()
  const { phase, timer } = facilitation
  const serverNow = useServerNow(250, timer?.status === 'running')
  const remaining = timerRemainingMs(timer, serverNow)
  const info = PHASE_INFO[phase]
  return (
    <section className="bp-phone__phase" data-phase={phase} aria-labelledby="phone-phase-title">
      <div className="bp-phone__phasehead">
        <h2 id="phone-phase-title">
          <span className="bp-muted">{t('phone.phase')} </span>
          {info.label[language]}
        </h2>
        {remaining !== null && (
          <p className={`bp-phone__timer${remaining === 0 ? ' is-over' : ''}`} data-remaining-ms={remaining} data-status={timer?.status}>
            <span className="bp-sr-only">{t('phone.timer')} </span>
            <span role="timer">{formatRemaining(remaining)}</span>
            {timer?.status === 'paused' && <span className="bp-phone__paused"> {t('phone.timerPaused')}</span>}
          </p>
        )}
      </div>
      <p className="bp-phone__instruction">{info.instruction[language]}</p>
    </section>
  )
}
