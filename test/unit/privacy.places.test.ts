import { describe, expect, it } from 'vitest'
import { en } from '../../client/i18n/en'
import { nl } from '../../client/i18n/nl'
import { PLACES } from '../../server/privacy/privacyPlaces'

describe('privacy places', () => {
  it('[G13] every place search and erase report, the account links among them, has a name on the privacy page in Dutch and English', () => {
    const places = [...new Set([...PLACES.map((p) => p.place), 'board', 'presence'])]
    expect(places).toContain('account_links')
    const missing = places.filter((p) => !(`privacy.place.${p}` in nl) || !(`privacy.place.${p}` in en))
    expect(missing).toEqual([])
  })

  it('[G13] the accounts place covers the e-mail address, and a failed login’s actor is scanned in the audit log', () => {
    expect(PLACES.find((p) => p.place === 'accounts')?.columns).toMatchObject({ name: 'text', email: 'text' })
    expect(PLACES.find((p) => p.place === 'account_links')?.columns).toMatchObject({ email: 'text' })
    expect(PLACES.find((p) => p.place === 'audit')?.columns).toMatchObject({ actor: 'text' })
  })
})
