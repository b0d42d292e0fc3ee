// Administrative commands: `node src/cli.ts <command>` (npm run migrate | backup | restore | seed:demo).
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { eq, inArray } from 'drizzle-orm'
import pino from 'pino'
import { systemClock } from './clock.ts'
import { loadConfig } from './config.ts'
import { backupDataFolder, restoreDataFolder } from './db/backup.ts'
import { seedDemo } from './db/demo-seed.ts'
import { openConfiguredDatabase } from './db/open.ts'
import { localAuthorities, userCouncils, users } from './db/schema/index.ts'
import { allRoles, type Role } from './domain/staff.ts'
import { createApiTokenService } from './features/api/index.ts'
import { anchorAudit, recordChange, verifyAudit, verifyReportLines } from './features/audit/index.ts'
import { hashPassword, oneTimePassword } from './features/auth/index.ts'
import { runRetention } from './features/retention/index.ts'
import { errorForLog } from './logger.ts'

const usage = `Usage: node src/cli.ts <command>

  migrate                          bring the database schema up to date
  backup [--to DIR]                copy the embedded database to DIR (default ./backups)
  restore FILE                     replace the embedded database with a backup
  create-user --email E --name N --roles R[,R] [--councils CODE[,CODE]]
                                   add a staff account; prints a one-time password
                                   (a coordinator, manager or commissioner needs the
                                   codes of the councils they work for)
  seed-demo                        add invented demo cases and staff (not in production)
  create-api-token --name N --authority CODE
                                   issue a JSON API token for one council (its code);
                                   prints the token, once, as the last line of output
  revoke-api-token --id ID         revoke an API token: it stops working at once
  list-api-tokens [--json]         every API token, with its council and when it was last used
  audit-verify                     check the audit's hash chains and the latest anchor
                                   (AUDIT_ANCHOR_FILE); exits 1 naming the first broken link
  audit-anchor                     write each chain's last link to the log and AUDIT_ANCHOR_FILE now
  retention-run                    anonymise now what each council's retention schedule says is due
                                   (the retention job does it every 6 hours); prints how many, by council
`

const config = loadConfig()
// Errors as the server logs them: a failed query's SQL, never the values it was given.
const log = pino({ level: config.LOG_LEVEL === 'silent' ? 'silent' : 'info', serializers: { err: errorForLog } })
const [command, ...rest] = process.argv.slice(2)

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>) {
  const database = await openConfiguredDatabase(config)
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

/** Who a command's changes are by in the audit trail: nobody signed in, no address (the account running it is in the entry). */
const commandLine = { userId: null, ip: null }

function requireEmbedded(what: string) {
  if (config.DATABASE_URL) {
    throw new Error(`${what} is for the embedded database. On PostgreSQL, use pg_dump and pg_restore.`)
  }
}

async function main() {
  switch (command) {
    case 'migrate':
      await withDatabase(async () => log.info('The database is up to date.'))
      return
    case 'backup': {
      requireEmbedded('backup')
      const { values } = parseArgs({ args: rest, options: { to: { type: 'string', default: './backups' } } })
      const file = await backupDataFolder(config.DATA_DIR, values.to, systemClock.now())
      log.info(`Backed up ${config.DATA_DIR} to ${file}`)
      return
    }
    case 'restore': {
      requireEmbedded('restore')
      const file = rest[0]
      if (!file) throw new Error('Name the backup file to restore: npm run restore -- backups/parley-....tar.gz')
      const { previous } = await restoreDataFolder(config.DATA_DIR, file, systemClock.now())
      log.info(
        `Restored ${file} into ${config.DATA_DIR}.${previous ? ` The data it replaced is kept in ${previous}.` : ''}`,
      )
      return
    }
    case 'create-user': {
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          roles: { type: 'string' },
          councils: { type: 'string' },
        },
      })
      const wanted = (values.roles ?? '').split(',').filter(Boolean)
      const bad = wanted.filter((r) => !allRoles.includes(r as Role))
      if (!values.email || !values.name || !wanted.length || bad.length) {
        throw new Error(
          `create-user needs --email, --name and --roles (from ${allRoles.join(', ')})${bad.length ? `; unknown: ${bad.join(', ')}` : ''}`,
        )
      }
      // A coordinator, manager or commissioner works for one or more councils (their codes).
      const councilCodes = (values.councils ?? '').split(',').filter(Boolean)
      if (!councilCodes.length && wanted.some((r) => ['coordinator', 'manager', 'commissioner'].includes(r))) {
        throw new Error(
          'A coordinator, manager or commissioner needs --councils: the codes of the councils they work for',
        )
      }
      const password = oneTimePassword()
      const passwordHash = await hashPassword(password)
      await withDatabase(async ({ db }) => {
        const councils = councilCodes.length
          ? await db.select().from(localAuthorities).where(inArray(localAuthorities.code, councilCodes))
          : []
        const unknown = councilCodes.filter((code) => !councils.some((c) => c.code === code))
        if (unknown.length) throw new Error(`There is no council with the code ${unknown.join(', ')}`)
        await db.transaction(async (tx) => {
          const [made] = await tx
            .insert(users)
            .values({
              email: values.email!.toLowerCase(),
              name: values.name!,
              roles: wanted as Role[],
              passwordHash,
              mustChangePassword: true,
            })
            .returning({ id: users.id })
          if (councils.length) {
            await tx.insert(userCouncils).values(councils.map((c) => ({ userId: made!.id, localAuthorityId: c.id })))
          }
          await recordChange(tx, systemClock, {
            by: commandLine,
            action: 'staff.created',
            record: { kind: 'staff-account', id: made!.id },
            before: null,
            after: {
              email: values.email!.toLowerCase(),
              name: values.name!,
              roles: [...wanted].sort(),
              councils: councils.map((c) => c.id).sort(),
              disabled: false,
              by: `command line (${userInfo().username})`,
            },
          })
        })
      })
      // Printed plainly rather than logged, as at the first start: a person reads it once and signs in.
      console.log(`Created ${values.email}. Their one-time password: ${password}`)
      return
    }
    case 'seed-demo': {
      if (config.NODE_ENV === 'production') throw new Error('Demo data is never added in production.')
      await withDatabase(async ({ db }) => {
        // Printed plainly rather than logged: it holds the demo accounts' one-time passwords.
        console.log(await seedDemo(db, systemClock))
      })
      return
    }
    case 'create-api-token': {
      const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, authority: { type: 'string' } } })
      const name = values.name?.trim()
      if (!name || !values.authority)
        throw new Error("create-api-token needs --name and --authority (the council's code, as list-api-tokens shows)")
      await withDatabase(async ({ db }) => {
        const [authority] = await db.select().from(localAuthorities).where(eq(localAuthorities.code, values.authority!))
        if (!authority) {
          const codes = (await db.select({ code: localAuthorities.code }).from(localAuthorities)).map((a) => a.code)
          throw new Error(`There is no council with the code "${values.authority}". Codes: ${codes.join(', ')}`)
        }
        const createdBy = `command line (${userInfo().username})`
        const made = await db.transaction(async (tx) => {
          const issued = await createApiTokenService(tx, systemClock).issue({
            name,
            localAuthorityId: authority.id,
            createdBy,
          })
          await recordChange(tx, systemClock, {
            by: commandLine,
            action: 'api-token.issued',
            record: { kind: 'api-token', id: issued.id },
            before: null,
            after: { name, council: authority.id, createdBy },
          })
          return issued
        })
        process.stderr.write(
          `Issued API token ${made.id} ("${name}") for ${authority.name}. It is shown once, below; keep it secret.\n`,
        )
        process.stdout.write(`${made.token}\n`)
      })
      return
    }
    case 'revoke-api-token': {
      const { values } = parseArgs({ args: rest, options: { id: { type: 'string' } } })
      if (!values.id) throw new Error('revoke-api-token needs --id (as list-api-tokens shows)')
      await withDatabase(async ({ db }) => {
        const result = await db.transaction(async (tx) => {
          const done = await createApiTokenService(tx, systemClock).revoke(values.id!)
          if (done && !done.already) {
            await recordChange(tx, systemClock, {
              by: commandLine,
              action: 'api-token.revoked',
              record: { kind: 'api-token', id: values.id! },
              before: { name: done.name, revoked: false },
              after: { name: done.name, revoked: true, by: `command line (${userInfo().username})` },
            })
          }
          return done
        })
        if (!result) throw new Error(`There is no API token with the id ${values.id}`)
        log.info(
          result.already
            ? `The API token ${values.id} ("${result.name}") was already revoked.`
            : `Revoked the API token ${values.id} ("${result.name}"). It no longer works.`,
        )
      })
      return
    }
    case 'list-api-tokens': {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } } })
      await withDatabase(async ({ db }) => {
        const tokens = await createApiTokenService(db, systemClock).list()
        if (values.json) {
          process.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`)
          return
        }
        if (!tokens.length) {
          process.stdout.write('No API tokens have been issued.\n')
          return
        }
        const when = (d: Date | null) => (d ? d.toISOString() : '-')
        const rows = [
          ['ID', 'NAME', 'COUNCIL', 'CREATED', 'LAST USED', 'REVOKED'],
          ...tokens.map((t) => [
            t.id,
            t.name,
            t.authorityCode,
            when(t.createdAt),
            when(t.lastUsedAt),
            when(t.revokedAt),
          ]),
        ]
        const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
        process.stdout.write(
          rows
            .map((r) =>
              r
                .map((cell, i) => cell.padEnd(widths[i]!))
                .join('  ')
                .trimEnd(),
            )
            .join('\n') + '\n',
        )
      })
      return
    }
    case 'audit-verify':
      await withDatabase(async ({ db }) => {
        const report = await verifyAudit(db, config.AUDIT_ANCHOR_FILE)
        process.stdout.write(verifyReportLines(report).join('\n') + '\n')
        if (!report.ok) process.exitCode = 1
      })
      return
    case 'audit-anchor':
      await withDatabase(({ db }) =>
        anchorAudit({ db, clock: systemClock, file: config.AUDIT_ANCHOR_FILE, log: (m) => log.info(m) }),
      )
      return
    case 'retention-run':
      await withDatabase(async ({ db }) => {
        const run = await runRetention({ db, clock: systemClock })
        const councils = Object.values(run.byCouncil).map(
          (c) =>
            `${c.name}: ${c.enquiries} ${c.enquiries === 1 ? 'enquiry' : 'enquiries'}, ${c.cases} ${c.cases === 1 ? 'case' : 'cases'}`,
        )
        process.stdout.write(
          [`Anonymised ${run.anonymised}; kept under a hold ${run.skippedHeld}.`, ...councils].join('\n') + '\n',
        )
      })
      return
    default:
      process.stdout.write(usage)
      process.exitCode = command ? 2 : 0
  }
}

try {
  await main()
} catch (err) {
  log.error((errorForLog(err) as { message?: string }).message ?? String(err))
  process.exitCode = 1
}
