import { MemoryBackend } from '../../server/core/storage/MemoryBackend'
import { roomDurabilityContract } from './rooms.durability.contract'

roomDurabilityContract('memory', { create: async () => new MemoryBackend() })
