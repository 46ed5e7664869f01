import { MemoryStorage } from '../../server/storage/MemoryStorage'
import { storageContract } from './storage.contract'

storageContract('memory', { create: async () => new MemoryStorage() })
