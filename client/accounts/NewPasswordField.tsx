import { useT } from '../i18n/useT'

/**
 * The new-password field of the setup, password and account-link pages: at
 * least 10 characters, the browser's password manager told it is new, and
 * the hint that says what the server's strength check asks (SPEC P24).
 */
export function NewPasswordField(props: { name: string; label: string; hintId: string; value: string; onChange: (value: string) => void }) {
  const { name, label, hintId, value, onChange } = props
  const t = useT()
  return (
    <label>
      <span>{label}</span>
      <input
        name={name}
        type="password"
        required
        minLength={10}
        autoComplete="new-password"
        aria-describedby={hintId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <small id={hintId} className="bp-muted">
        {t('setup.passwordHint')}
      </small>
    </label>
  )
}
