import { describe, expect, it } from 'vitest'
import { countMentions, eraseValue, personMatcher } from '../../server/privacy/eraseValue'

const matcher = personMatcher({ name: 'Anna de Vries', organisation: 'Zorgbureau Noord' })

describe('erasing a person from a stored value (G2)', () => {
  it('[G2] an author whose name is the person gets the pseudonym and no organisation; someone else is untouched', () => {
    const record = { id: 'shape:1', meta: { author: { id: 'p1', name: ' anna  DE vries ', organisation: 'Zorgbureau Noord' }, tag: 'afspraak' } }
    const other = { id: 'shape:2', meta: { author: { id: 'p2', name: 'Bert', organisation: 'GGD' } } }
    expect(eraseValue(record, matcher, 'Deelnemer 3')).toEqual({ id: 'shape:1', meta: { author: { id: 'p1', name: 'Deelnemer 3', organisation: '' }, tag: 'afspraak' } })
    expect(eraseValue(other, matcher, 'Deelnemer 3')).toBe(other)
  })

  it('[G2] names and organisations in text are replaced as whole words only, whatever their case', () => {
    expect(eraseValue('Overleg met ANNA DE VRIES van zorgbureau noord', matcher, 'Deelnemer 3')).toBe('Overleg met Deelnemer 3 van Deelnemer 3')
    expect(eraseValue('De Anna de Vriesstraat', matcher, 'Deelnemer 3')).toBe('De Anna de Vriesstraat')
    expect(countMentions({ a: ['x', 'Anna de Vries'] }, matcher)).toBe(1)
  })

  it('[G2] a deelnemer keeps an organisation: the pseudonym, without a name', () => {
    const info = { deelnemers: [{ organisation: 'Zorgbureau Noord', name: 'Anna de Vries' }, { organisation: 'GGD' }] }
    expect(eraseValue(info, matcher, 'Deelnemer 3')).toEqual({ deelnemers: [{ organisation: 'Deelnemer 3' }, { organisation: 'GGD' }] })
  })
})
