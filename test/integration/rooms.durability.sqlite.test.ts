import path from 'node:path'
import { SqliteStorage } from '../../server/storage/SqliteStorage'
import { tempDir } from '../helpers/tempDir'
import { roomDurabilityContract } from './rooms.durability.contract'

roomDurabilityContract('sqlite', {
  create: async () => new SqliteStorage(tempDir()),
  openCopy: async (storage) => new SqliteStorage(path.dirname((storage as SqliteStorage).file)),
})
