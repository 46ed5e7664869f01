import path from 'node:path'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { tempDir } from '../helpers/tempDir'
import { roomDurabilityContract } from './rooms.durability.contract'

roomDurabilityContract('sqlite', {
  create: async () => new SqliteBackend(tempDir()),
  openCopy: async (backend) => new SqliteBackend(path.dirname((backend as SqliteBackend).file)),
})
