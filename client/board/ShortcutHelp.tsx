import { TAG_INFO, TAGS } from '../../shared/tags'
import { tagHint } from '../i18n/domainLabels'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { isMac } from './platform'
import { HELP_KEY, NEW_STICKY_KEY, retagChord, undoChord } from './shortcuts'

/** The board's keyboard shortcuts, toggled with `?`. */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const t = useT()
  const [language] = useLanguage()
  const mac = isMac()
  const rows: [string, string][] = [
    [NEW_STICKY_KEY.toUpperCase(), t('help.newSticky')],
    ...TAGS.map((tag): [string, string] => [TAG_INFO[tag].shortcut, t('help.tagKey', { label: `${TAG_INFO[tag].symbol} ${tagHint(tag, language)}` })]),
    [retagChord('1–5, 0', mac), t('help.retagKey', { chord: retagChord('1', mac) })],
    [undoChord(mac), t('help.undo')],
    ['Enter', t('help.edit')],
    ['Esc', t('help.stopEdit')],
    ['Shift 1', t('help.zoomFit')],
    ['V', t('help.vote')],
    ['Shift V', t('help.unvote')],
    [HELP_KEY, t('help.toggle')],
  ]
  return (
    <div className="bp-help" role="dialog" aria-labelledby="help-title">
      <div className="bp-help__head">
        <h2 id="help-title">{t('help.title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('help.close')}>
          ×
        </button>
      </div>
      <table>
        <tbody>
          {rows.map(([key, text]) => (
            <tr key={key}>
              <td>
                <kbd>{key}</kbd>
              </td>
              <td>{text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
