/** In-memory versions and pictures (the reference implementation of their contract). */
import type { PictureStore, StoredPicture, VerslagStores, VerslagVersionHead, VerslagVersionRecord, VersionStore } from './VerslagStores'

const copyPicture = (p: StoredPicture): StoredPicture => ({ ...p, data: p.data.slice() })
const copyVersion = (v: VerslagVersionRecord): VerslagVersionRecord => ({ ...v, picture: v.picture ? copyPicture(v.picture) : null })
const headOf = ({ models: _models, picture, ...head }: VerslagVersionRecord): VerslagVersionHead => ({ ...head, hasPicture: picture !== null })

class MemoryVersionStore implements VersionStore {
  private readonly bySession = new Map<string, VerslagVersionRecord[]>()

  async add(version: VerslagVersionRecord): Promise<boolean> {
    const list = this.bySession.get(version.sessionId) ?? []
    if (list.some((v) => v.versie === version.versie)) return false
    list.push(copyVersion(version))
    list.sort((a, b) => a.versie - b.versie)
    this.bySession.set(version.sessionId, list)
    return true
  }

  async list(sessionId: string): Promise<VerslagVersionHead[]> {
    return (this.bySession.get(sessionId) ?? []).map(headOf)
  }

  async get(sessionId: string, versie: number): Promise<VerslagVersionRecord | null> {
    const found = (this.bySession.get(sessionId) ?? []).find((v) => v.versie === versie)
    return found ? copyVersion(found) : null
  }

  async latest(sessionId: string): Promise<VerslagVersionRecord | null> {
    const list = this.bySession.get(sessionId) ?? []
    const last = list[list.length - 1]
    return last ? copyVersion(last) : null
  }
}

class MemoryPictureStore implements PictureStore {
  private readonly pictures = new Map<string, StoredPicture>()

  async put(sessionId: string, picture: StoredPicture): Promise<void> {
    this.pictures.set(sessionId, copyPicture(picture))
  }

  async get(sessionId: string): Promise<StoredPicture | null> {
    const found = this.pictures.get(sessionId)
    return found ? copyPicture(found) : null
  }
}

export function createMemoryVerslagStores(): VerslagStores {
  return { versions: new MemoryVersionStore(), pictures: new MemoryPictureStore() }
}
