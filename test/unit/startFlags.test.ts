import { describe, expect, it } from 'vitest'
import { startArgs } from '../helpers/startArgs'

describe('how npm start runs the server', () => {
  it('[X17] npm start gives the built server a young generation of at most 4 MB per semi-space, and tests and bench start the build with the same arguments', () => {
    const args = startArgs()
    expect(args[args.length - 1]).toBe('dist/server/main.js')
    const semi = args.map((a) => /^--max-semi-space-size=(\d+)$/.exec(a)?.[1]).find((v) => v !== undefined)
    expect(semi, 'npm start sets --max-semi-space-size').toBeDefined()
    expect(Number(semi)).toBeGreaterThan(0)
    expect(Number(semi)).toBeLessThanOrEqual(4)
  })
})
