import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { fixedClock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { runMigrations } from '../db/migrate.ts'
import { openTestDatabase } from '../../test/helpers/database.ts'
import { newSubmissionKey, oncePerSubmission } from './submission.ts'

let database: Database
let drop: () => Promise<void>
const clock = fixedClock('2026-11-27T10:00:00Z')
before(async () => {
  ;({ database, drop } = await openTestDatabase())
  await runMigrations(database)
  await database.db.execute(sql`create table tally (n serial primary key)`)
})
after(() => drop())

const count = async () =>
  Number((await database.db.execute<{ n: number }>(sql`select count(*)::int as n from tally`)).rows[0]!.n)

test('a key does its work once; a repeat, even at the same moment, gets the first outcome', async () => {
  const key = newSubmissionKey()
  const work = async (tx: Parameters<Parameters<typeof oncePerSubmission>[3]>[0]) => {
    const [row] = (await tx.execute<{ n: number }>(sql`insert into tally default values returning n`)).rows
    return `/done/${row!.n}`
  }
  const [a, b] = await Promise.all([
    oncePerSubmission(database.db, clock, key, work),
    oncePerSubmission(database.db, clock, key, work),
  ])
  assert.equal(a, b)
  assert.equal(await oncePerSubmission(database.db, clock, key, work), a)
  assert.equal(await count(), 1)
  assert.notEqual(await oncePerSubmission(database.db, clock, newSubmissionKey(), work), a)
  assert.equal(await count(), 2)
})

test('work that fails leaves the key free, so the person can try again', async () => {
  const key = newSubmissionKey()
  await assert.rejects(
    oncePerSubmission(database.db, clock, key, async () => {
      throw new Error('refused')
    }),
  )
  assert.equal(await oncePerSubmission(database.db, clock, key, async () => '/second-try'), '/second-try')
})
