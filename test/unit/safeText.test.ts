import { describe, expect, it } from 'vitest'
import { safeDeep, safeText } from '../../shared/safeText'
import { verslagSchema } from '../../shared/verslag/schema'

describe('text made safe for every format', () => {
  it('[L10] removes control characters, replaces non-characters and lone surrogates, and leaves safe text as it is', () => {
    expect(safeText('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne')
    expect(safeText('x\uFFFEy\uFFFF')).toBe('x\uFFFDy\uFFFD')
    expect(safeText('half \uD800 a pair')).toBe('half \uFFFD a pair')
    expect(safeText('a whole pair 😀')).toBe('a whole pair 😀')
    const plain = 'Bevorderend: korte lijnen'
    expect(safeText(plain)).toBe(plain)
  })

  it('[L10] a text of nothing but unsafe characters becomes U+FFFD, so a required field never turns empty (FUZZ_SEED=1704952690)', () => {
    expect(safeText('\u0001\u0002')).toBe('\uFFFD')
    expect(safeText(' \u0003 ')).toBe('\uFFFD')
    const deelnemers = safeDeep([{ organisation: '\u0001\u0002\u0003', name: 'Anna' }])
    expect(verslagSchema.shape.deelnemers.safeParse(deelnemers).success).toBe(true)
  })
})
