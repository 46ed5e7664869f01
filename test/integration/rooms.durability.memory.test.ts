import { MemoryStorage } from '../../server/storage/MemoryStorage'
import { roomDurabilityContract } from './rooms.durability.contract'

roomDurabilityContract('memory', { create: async () => new MemoryStorage() })
