import { useState, type FormEvent } from 'react'

/**
 * A form's submit: busy while the action runs, its error kept for
 * <ErrorMessage>. On success the form stays busy, since every action here
 * navigates away.
 */
export function useSubmit(action: () => Promise<void>): { busy: boolean; error: unknown; onSubmit: (event: FormEvent) => Promise<void> } {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (cause) {
      setError(cause)
      setBusy(false)
    }
  }
  return { busy, error, onSubmit }
}
