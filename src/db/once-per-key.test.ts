import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { openTestDatabase } from '../../test/helpers/database.ts'
import { fixedClock } from '../clock.ts'
import { RefusalError } from '../domain/result.ts'
import type { Database } from './client.ts'
import { runMigrations } from './migrate.ts'
import { newSubmissionKey, oncePerKey } from './once-per-key.ts'

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
  Number((await database.db.execute<{ c: string }>(sql`select count(*) as c from tally`)).rows[0]!.c)
const addOne = (key: string) =>
  oncePerKey(database.db, clock, key, async (tx) => {
    await tx.execute(sql`insert into tally default values`)
    return { redirect: '/done', n: 1 }
  })

test('runs once per key, and a repeat gets the first answer', async () => {
  const key = newSubmissionKey()
  const answers = await Promise.all([addOne(key), addOne(key), addOne(key)])
  assert.deepEqual(
    answers,
    [1, 2, 3].map(() => ({ redirect: '/done', n: 1 })),
  )
  assert.equal(await count(), 1)
  await addOne(newSubmissionKey())
  assert.equal(await count(), 2)
})

test('a refusal thrown inside undoes everything and leaves the key free', async () => {
  const key = newSubmissionKey()
  const before = await count()
  await assert.rejects(
    oncePerKey(database.db, clock, key, async (tx) => {
      await tx.execute(sql`insert into tally default values`)
      throw new RefusalError('Not now', 'field')
    }),
    RefusalError,
  )
  assert.equal(await count(), before)
  await addOne(key)
  assert.equal(await count(), before + 1)
})
