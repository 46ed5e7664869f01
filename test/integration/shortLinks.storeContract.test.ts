/** The short-link store contract (SPEC M7), on every backend: found by the code's hash only, kept whole, a code used once. */
import { describe, expect, it } from 'vitest'
import type { StoredShortLink } from '../../server/shortLinks/ShortLinkStore'
import { SHORT_LINK_STORES } from '../../server/shortLinks/shortLinkStoreDefinition'
import { storeBackends } from '../helpers/storeBackends'

const { backends, open } = storeBackends([SHORT_LINK_STORES])

const link: StoredShortLink = {
  codeHash: 'c'.repeat(64),
  sessionId: 's-1',
  iv: 'aXY',
  sealed: 'c2VhbGVk',
  tag: 'dGFn',
  expiresAt: '2026-01-04T10:00:00.000Z',
  createdAt: '2026-01-01T10:00:00.000Z',
}

describe.each(backends)('short links on %s', (_name, make) => {
  it('[M7] gives a link back whole by its code hash only, and refuses a second link with the same code', async () => {
    const backend = await open(make)
    const links = backend.stores(SHORT_LINK_STORES)
    await links.create(link)
    await links.create({ ...link, codeHash: 'd'.repeat(64), sessionId: 's-2' })
    expect(await links.findByCodeHash(link.codeHash)).toEqual(link)
    expect((await links.findByCodeHash('d'.repeat(64)))?.sessionId).toBe('s-2')
    expect(await links.findByCodeHash('e'.repeat(64))).toBeNull()
    await expect(links.create({ ...link, sessionId: 's-3' })).rejects.toThrow()
    expect((await links.findByCodeHash(link.codeHash))?.sessionId).toBe('s-1')
  })
})
