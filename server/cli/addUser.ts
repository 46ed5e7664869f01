/**
 * `npm run user:add -- --email a@b.nl --role coordinator [--name "…"]
 *   [--themagroep "…"]… [--password …]`: adds an account to the store in
 * DATA_DIR (P13). Without --password (or BROWNPAPER_PASSWORD) a random one is
 * generated and printed once. Roles: coordinator (themacoördinator) or
 * secretariaat.
 */
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { accountRoleSchema } from '../../shared/access'
import { AccessService } from '../access/AccessService'
import { isStrongPassword } from '../access/passwordPolicy'
import { loadConfig } from '../config'
import { ACCESS_STORES } from '../access/accessStoreDefinition'
import { SqliteBackend } from '../core/storage/SqliteBackend'

const ROLE_ALIASES: Record<string, string> = { themacoordinator: 'coordinator', 'themacoördinator': 'coordinator', 'coördinator': 'coordinator' }

const argsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  role: z.preprocess((v) => (typeof v === 'string' ? (ROLE_ALIASES[v.toLowerCase()] ?? v.toLowerCase()) : v), accountRoleSchema),
  name: z.string().trim().max(200).default(''),
  password: z.string().min(10, 'at least 10 characters').max(200).optional(),
  themagroep: z.array(z.string().trim().min(1).max(300)).default([]),
})

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      themagroep: { type: 'string', multiple: true },
    },
  })
  const parsed = argsSchema.safeParse({ ...values, password: values.password ?? process.env.BROWNPAPER_PASSWORD })
  if (!parsed.success) {
    process.stderr.write(
      `Usage: npm run user:add -- --email <email> --role coordinator|secretariaat [--name <name>] [--themagroep <name>]… [--password <password>]\n` +
        parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}\n`).join(''),
    )
    process.exit(2)
  }
  const args = parsed.data
  const password = args.password ?? randomBytes(12).toString('base64url')
  if (!isStrongPassword(password, [args.email, args.name])) {
    // P24: the same policy as the setup page.
    process.stderr.write(
      'Dit wachtwoord is te makkelijk te raden: het is veelgebruikt, voorspelbaar of lijkt op de naam of het e-mailadres. Kies een langer wachtwoord, bijvoorbeeld een zin van vier of meer woorden, of laat --password weg voor een willekeurig wachtwoord.\n' +
        'This password is too easy to guess: it is common, predictable or close to the name or email. Choose a longer one, e.g. a sentence of four or more words, or leave out --password for a random one.\n',
    )
    process.exit(2)
  }
  const config = loadConfig()
  const backend = new SqliteBackend(config.DATA_DIR)
  try {
    const access = new AccessService({ stores: backend.stores(ACCESS_STORES) })
    const user = await access.addUser({ email: args.email, name: args.name, role: args.role, password, themagroepen: args.themagroep })
    if (!user) {
      process.stderr.write(`An account with email ${args.email} exists already.\n`)
      process.exitCode = 1
      return
    }
    await access.audit({ kind: 'admin', id: 'admin', name: 'command line' }, 'user.add', { detail: `${user.email} (${user.role})` })
    process.stdout.write(`Added ${user.role} ${user.email}${args.themagroep.length ? ` to ${args.themagroep.join(', ')}` : ''}.\n`)
    if (!args.password) process.stdout.write(`Password (shown once): ${password}\n`)
  } finally {
    await backend.close()
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
