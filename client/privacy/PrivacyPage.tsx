import '../access/access.css'
import { useState, type FormEvent } from 'react'
import { ErrorMessage } from '../api/ErrorMessage'
import type { MessageKey } from '../i18n/nl'
import { useT } from '../i18n/useT'
import { SignedInPageHeader } from '../layout/PageHeader'
import { Link } from '../router/Link'
import { erasePerson, exportPerson, searchPerson, type Person, type Place } from './privacyApi'

type State =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'error'; error: unknown }
  | { status: 'found'; person: Person; places: Place[]; confirming: boolean }
  | { status: 'erased'; pseudonym: string; count: number }

/** The privacy page for coördinatoren (SPEC G1–G5): find a person, see where, export, erase with confirmation. */
export function PrivacyPage() {
  const t = useT()
  const [name, setName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [state, setState] = useState<State>({ status: 'idle' })
  const placeLabel = (place: string) => {
    const key = `privacy.place.${place}` as MessageKey
    const label = t(key)
    return label === key ? place : label
  }

  const search = (e: FormEvent) => {
    e.preventDefault()
    const person = { name: name.trim(), organisation: organisation.trim() }
    setState({ status: 'busy' })
    searchPerson(person).then(
      (places) => setState({ status: 'found', person, places, confirming: false }),
      (error: unknown) => setState({ status: 'error', error }),
    )
  }
  const erase = (person: Person) => {
    setState({ status: 'busy' })
    erasePerson(person).then(
      (r) => setState({ status: 'erased', pseudonym: r.pseudonym, count: r.places.reduce((n, p) => n + p.count, 0) }),
      (error: unknown) => setState({ status: 'error', error }),
    )
  }

  return (
    <div className="bp-start">
      <SignedInPageHeader />
      <main className="bp-audit bp-privacy">
        <Link to="/">← {t('board.back')}</Link>
        <h1>{t('privacy.title')}</h1>
        <p className="bp-muted">{t('privacy.intro')}</p>
        <form className="bp-privacy__form" onSubmit={search}>
          <label>
            {t('privacy.name')}
            <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            {t('privacy.organisation')}
            <input value={organisation} maxLength={200} onChange={(e) => setOrganisation(e.target.value)} />
          </label>
          <button type="submit" disabled={state.status === 'busy'}>
            {state.status === 'busy' ? t('privacy.searching') : t('privacy.search')}
          </button>
        </form>
        <p className="bp-muted">{t('privacy.organisationHint')}</p>
        {state.status === 'error' && <ErrorMessage error={state.error} />}
        {state.status === 'erased' && <p role="status">{t('privacy.erased', { pseudonym: state.pseudonym, count: state.count })}</p>}
        {state.status === 'found' && state.places.length === 0 && <p role="status">{t('privacy.none')}</p>}
        {state.status === 'found' && state.places.length > 0 && (
          <section>
            <h2>{t('privacy.found', { count: state.places.length })}</h2>
            <div className="bp-audit__scroll">
              <table className="bp-audit__table">
                <thead>
                  <tr>
                    <th>{t('privacy.col.place')}</th>
                    <th>{t('privacy.col.session')}</th>
                    <th>{t('privacy.col.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.places.map((p) => (
                    <tr key={`${p.place}-${p.sessionId ?? ''}`} data-place={p.place}>
                      <td>{placeLabel(p.place)}</td>
                      <td>{p.sessionId ? <Link to={`/s/${p.sessionId}`}>{p.sessionId}</Link> : ''}</td>
                      <td>{p.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="bp-privacy__actions">
              <button type="button" onClick={() => void exportPerson(state.person).catch((error: unknown) => setState({ status: 'error', error }))}>
                {t('privacy.export')}
              </button>
              {!state.confirming && (
                <button type="button" className="bp-danger" onClick={() => setState({ ...state, confirming: true })}>
                  {t('privacy.erase')}
                </button>
              )}
            </div>
            {state.confirming && (
              <div className="bp-privacy__confirm" role="alertdialog" aria-label={t('privacy.erase')}>
                <p>{t('privacy.eraseConfirm')}</p>
                <button type="button" className="bp-danger" onClick={() => erase(state.person)}>
                  {t('privacy.eraseYes')}
                </button>
                <button type="button" onClick={() => setState({ ...state, confirming: false })}>
                  {t('privacy.cancel')}
                </button>
              </div>
            )}
          </section>
        )}
      </main>
    </div>
  )
}
