import { MemoryBackend } from '../../server/core/storage/MemoryBackend'
import { storesOf } from '../helpers/storesOf'
import { storageContract } from './storage.contract'

storageContract('memory', { create: async () => storesOf(new MemoryBackend()) })
