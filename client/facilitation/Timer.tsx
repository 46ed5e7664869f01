import { useEffect, useRef, useState } from 'react'
import { formatRemaining, timerRemainingMs, type Timer as TimerState } from '../../shared/facilitation'
import { useT } from '../i18n/useT'
import { serverNow } from './serverClock'

function beep(): void {
  try {
    const ctx = new AudioContext()
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.frequency.value = 880
    gain.gain.value = 0.15
    osc.connect(gain).connect(ctx.destination)
    osc.start()
    osc.stop(ctx.currentTime + 0.6)
    osc.onended = () => void ctx.close()
  } catch {
    // No audio here: the visual end is enough.
  }
}

/**
 * The timer on the server's clock (F4, F5): remaining time computed from the
 * server's `endsAt` and this browser's clock offset, so every board shows the
 * same; red at zero, with an optional tone.
 */
export function Timer({ timer }: { timer: TimerState | null }) {
  const t = useT()
  const [now, setNow] = useState(serverNow)
  const [sound, setSound] = useState(false)
  const previous = useRef<number | null>(null)
  useEffect(() => {
    if (!timer || timer.status !== 'running') return
    const tick = setInterval(() => setNow(serverNow()), 200)
    return () => clearInterval(tick)
  }, [timer])
  const remaining = timerRemainingMs(timer, timer?.status === 'running' ? now : serverNow())
  useEffect(() => {
    if (remaining === 0 && previous.current !== null && previous.current > 0 && sound) beep()
    previous.current = remaining
  }, [remaining, sound])
  if (!timer || remaining === null) return null
  const done = remaining === 0
  return (
    <div className={`bp-timer${done ? ' is-done' : ''}`} data-timer-status={timer.status} data-remaining-ms={remaining} role="timer" aria-live={done ? 'assertive' : 'off'}>
      <span className="bp-timer__time" data-testid="timer">
        {formatRemaining(remaining)}
      </span>
      {done && <span className="bp-timer__done">{t('facil.timerDone')}</span>}
      {timer.status === 'paused' && <span className="bp-muted"> ({t('facil.timerPaused')})</span>}
      <label className="bp-timer__sound" title={t('facil.sound')}>
        <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} aria-label={t('facil.sound')} />
        <span aria-hidden="true">{t('facil.soundShort')}</span>
      </label>
    </div>
  )
}
