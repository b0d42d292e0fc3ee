import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { backupDataFolder, restoreDataFolder } from '../../src/db/backup.ts'
import { openDatabase } from '../../src/db/client.ts'
import { runMigrations } from '../../src/db/migrate.ts'
import { agencies } from '../../src/db/schema/index.ts'
import { firstStart } from '../../src/db/first-start.ts'
import { testConfig } from '../../src/config.ts'

const dir = mkdtempSync(join(tmpdir(), 'parley-backup-'))
after(() => rmSync(dir, { recursive: true, force: true }))

test('a backup restores the data as it was, and keeps the replaced folder', async () => {
  const dataDir = join(dir, 'data')
  const db1 = await openDatabase({ dataDir })
  await runMigrations(db1)
  await firstStart(db1.db, { ...testConfig(), NODE_ENV: 'production' })
  await db1.close()

  const file = await backupDataFolder(dataDir, join(dir, 'backups'), new Date('2026-11-27T10:00:00Z'))
  assert.ok(existsSync(file))

  // A change after the backup...
  const db2 = await openDatabase({ dataDir })
  await db2.db
    .insert(agencies)
    .values({ code: 'after-backup', name: 'Added after the backup', helpsWith: '-', contact: '-' })
  await db2.close()

  // ...is gone once the backup is restored.
  const { previous } = await restoreDataFolder(dataDir, file, new Date('2026-11-27T11:00:00Z'))
  const db3 = await openDatabase({ dataDir })
  assert.equal((await db3.db.select().from(agencies).where(eq(agencies.code, 'after-backup'))).length, 0)
  assert.ok((await db3.db.select().from(agencies)).length > 0)
  await db3.close()
  assert.ok(previous && existsSync(previous), 'the replaced data folder is kept')
})

test('backing up while another process holds the folder is refused', async () => {
  const dataDir = join(dir, 'busy')
  const open = await openDatabase({ dataDir })
  await runMigrations(open)
  await assert.rejects(backupDataFolder(dataDir, join(dir, 'b2'), new Date()), /in use by another Parley process/)
  await open.close()
})
