import type { ShortLinkStore, StoredShortLink } from './ShortLinkStore'

/** ShortLinkStore in memory (tests, benchmarks). */
export class MemoryShortLinkStore implements ShortLinkStore {
  private readonly links = new Map<string, StoredShortLink>()

  async create(link: StoredShortLink): Promise<void> {
    if (this.links.has(link.codeHash)) throw new Error('short link code already used')
    this.links.set(link.codeHash, { ...link })
  }

  async findByCodeHash(codeHash: string): Promise<StoredShortLink | null> {
    const link = this.links.get(codeHash)
    return link ? { ...link } : null
  }
}
