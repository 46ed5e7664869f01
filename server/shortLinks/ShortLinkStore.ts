/**
 * Short links (SPEC M7): one row per code, found by the code's SHA-256. The
 * invite token it stands for is stored only encrypted under a key derived
 * from the code, so the database alone gives neither the code nor the token.
 */
export interface StoredShortLink {
  codeHash: string
  sessionId: string
  /** AES-256-GCM of the invite token: iv, ciphertext and tag, base64url. */
  iv: string
  sealed: string
  tag: string
  expiresAt: string
  createdAt: string
}

export interface ShortLinkStore {
  create(link: StoredShortLink): Promise<void>
  findByCodeHash(codeHash: string): Promise<StoredShortLink | null>
}
