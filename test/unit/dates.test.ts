import { describe, expect, it } from 'vitest'
import { findDate, formatDate, parseDate } from '../../shared/dates'

describe('Dates in words', () => {
  it('[V9] writes ISO dates as "13 juni 2016" in Dutch and "13 June 2016" in English', () => {
    expect(formatDate('2016-06-13')).toBe('13 juni 2016')
    expect(formatDate('2019-07-29', 'en')).toBe('29 July 2019')
    expect(formatDate('not a date')).toBe('not a date')
  })

  it('[I5] reads dates in words and digits, with the year from context when missing', () => {
    expect(parseDate('13 juni 2016')).toBe('2016-06-13')
    expect(parseDate('17 augustus 2016')).toBe('2016-08-17')
    expect(parseDate('3 okt. 2016')).toBe('2016-10-03')
    expect(parseDate('13-6-2016')).toBe('2016-06-13')
    expect(parseDate('2016-06-13')).toBe('2016-06-13')
    expect(parseDate('22 juni', 2016)).toBe('2016-06-22')
    expect(parseDate('22 juni')).toBeUndefined()
    expect(parseDate('31 februari 2016')).toBeUndefined()
  })

  it('[I6] does not take a time such as 9.30 for a date', () => {
    expect(findDate('om 9.30 uur', 2016)).toBeUndefined()
    expect(findDate('22 juni 9.30 – 11.30', 2016)?.iso).toBe('2016-06-22')
  })
})
