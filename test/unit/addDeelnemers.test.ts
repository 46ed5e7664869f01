import { describe, expect, it } from 'vitest'
import { addDeelnemers } from '../../shared/addDeelnemers'

describe('adding who was there to the deelnemers (SPEC U13)', () => {
  it('[U13] adds each new organisation once, after the listed ones, and skips listed or empty ones', () => {
    const listed = [{ organisation: 'NZa' }, { organisation: 'VWS', name: 'Jan' }]
    const joined = [{ organisation: 'GGD Amsterdam' }, { organisation: ' nza ' }, { organisation: '' }, { organisation: 'GGD  amsterdam' }, { organisation: 'Zorgverzekeraars Nederland' }]
    expect(addDeelnemers(listed, joined)).toEqual([
      { organisation: 'NZa' },
      { organisation: 'VWS', name: 'Jan' },
      { organisation: 'GGD Amsterdam' },
      { organisation: 'Zorgverzekeraars Nederland' },
    ])
  })

  it('[U13] changes nothing when every organisation is listed', () => {
    const listed = [{ organisation: 'NZa' }]
    expect(addDeelnemers(listed, [{ organisation: 'NZA' }])).toEqual(listed)
  })
})
