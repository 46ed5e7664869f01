import { describe, expect, it } from 'vitest'
import { SESSION_ID_PATTERN } from '../../shared/sessionId'
import { newSessionId } from '../../server/sessions/newSessionId'
import { sessionIdOfPath } from '../../server/core/upgrade'

describe('session ids', () => {
  it('generates random ids that match the shared pattern', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newSessionId()))
    expect(ids.size).toBe(200)
    for (const id of ids) expect(id).toMatch(SESSION_ID_PATTERN)
  })

  it('[S2] reads the session id of a /yjs path, empty for a malformed one, null for other paths', () => {
    expect(sessionIdOfPath('/yjs/abcdEFGH_12-x?token=t')).toBe('abcdEFGH_12-x')
    expect(sessionIdOfPath('/yjs/short')).toBe('')
    expect(sessionIdOfPath('/yjs/abcdefgh/extra')).toBe('')
    expect(sessionIdOfPath('/yjs/abc%2Fdefghij')).toBe('')
    expect(sessionIdOfPath('/api/sessions')).toBeNull()
    expect(sessionIdOfPath(undefined)).toBeNull()
  })
})
