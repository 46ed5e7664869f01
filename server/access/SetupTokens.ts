/**
 * The setup tokens that are valid while no account exists (P13), as
 * SHA-256 hashes. Each instance issues its own at start; any of them works on
 * any instance (K6), and the first coördinator created spends them all.
 */
export interface SetupTokens {
  /** Adds a valid token hash. */
  add(hash: string): Promise<void>
  /** Whether any token is valid. */
  pending(): Promise<boolean>
  /** Spends every token if `hash` is one of them (atomically: one caller wins); true when it was. */
  claim(hash: string): Promise<boolean>
}

export class MemorySetupTokens implements SetupTokens {
  private readonly hashes = new Set<string>()
  async add(hash: string): Promise<void> {
    this.hashes.add(hash)
  }
  async pending(): Promise<boolean> {
    return this.hashes.size > 0
  }
  async claim(hash: string): Promise<boolean> {
    if (!this.hashes.has(hash)) return false
    this.hashes.clear()
    return true
  }
}
