// Builds the data set once and keeps it: migrations first, then (unless the marker says this size
// and generator version are already there) the reference data, staff and panel, and the cases in
// batches of a transaction each, with the secondary indexes built once at the end.
import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Database } from '../../src/db/client.ts'
import { runMigrations } from '../../src/db/migrate.ts'
import { createShippedCalendar } from '../../src/domain/calendar.ts'
import { hashToken } from '../../src/features/api/index.ts'
import { hashPassword } from '../../src/features/auth/index.ts'
import { settingsSchema } from '../../src/features/settings/index.ts'
import {
  createIndexes,
  dropSecondaryIndexes,
  dropTarget,
  ensureTarget,
  openTarget,
  readMarker,
  writeMarker,
  type Marker,
  type Target,
} from './bench-database.ts'
import { insertBatch } from './bulk-insert.ts'
import { caseRandom, makeCase, receivedOn, type World } from './case-maker.ts'
import { BENCH_ADMIN, cpdRows, makePeople, mediatorRows, userRows } from './people.ts'
import { AGENCIES, agencyRows, councilRows, makeCouncils, makeVenues, roomRows, venueRows } from './places.ts'
import { Progress, Stopwatch } from './progress.ts'
import { Random } from './random.ts'
import { emptyRows, rowCount, type Rows } from './rows.ts'

/** Change when the data made changes, so that kept data sets are built again. */
export const GENERATOR_VERSION = 3
export const SEED = 'parley-bench'
const CASES_PER_BATCH = 1000
export const API_TOKENS = 200

/** The API tokens of the first council: the same every build, so the load can use them. */
export const apiToken = (i: number) =>
  `parley_${createHash('sha256').update(`${SEED}:api-token:${i}`).digest('base64url')}`

export interface BuildResult {
  skipped: boolean
  marker: Marker
  seconds: number
  where?: string
}

export async function ensureData(target: Target, cases: number, rebuild: boolean, today: string): Promise<BuildResult> {
  await ensureTarget(target)
  let database = await openTarget(target)
  try {
    await runMigrations(database)
    const marker = await readMarker(database)
    if (!rebuild && marker && marker.cases === cases && marker.generator === GENERATOR_VERSION) {
      return { skipped: true, marker, seconds: 0 }
    }
    // Anything else there is thrown away: a half-made or older data set.
    await database.close()
    await dropTarget(target)
    await ensureTarget(target)
    database = await openTarget(target)
    await runMigrations(database)
    return await build(database, cases, today)
  } finally {
    await database.close()
  }
}

async function build(database: Database, cases: number, today: string): Promise<BuildResult> {
  const started = performance.now()
  const watch = new Stopwatch()
  const random = new Random(`${SEED}:world`)
  const councils = makeCouncils(random)
  const people = makePeople(random, cases, councils)
  const venues = makeVenues(random, councils)
  const agencies = AGENCIES.map((a) => ({ ...a, id: random.uuid() }))
  const createdAt = new Date(`${today}T08:00:00Z`)
  const world: World = {
    seed: SEED,
    cases,
    today,
    calendar: createShippedCalendar(),
    settings: settingsSchema.parse({}),
    councils,
    people,
    agencies,
    panels: councils.map((_, index) => {
      const local = people.mediators.filter((m) => m.councils.includes(index))
      const users = new Map(people.mediatorUsers.map((u) => [u.id, u]))
      return {
        mediators: (local.length ? local : people.mediators).map((mediator) => ({
          mediator,
          user: users.get(mediator.userId)!,
        })),
        venues: venues.filter((v) => v.councilIndex === index || v.kind === 'online'),
      }
    }),
    provider: {
      name: 'SEN Mediation and Disagreement Resolution Service',
      address: '1 Example Street',
      phone: '0300 000 0000',
    },
    councilCdf: councils.reduce<number[]>((cdf, c) => [...cdf, (cdf.at(-1) ?? 0) + c.weight], []),
  }

  const indexes = await watch.time('dropping indexes', () => dropSecondaryIndexes(database))
  const [adminHash, otherHash] = await Promise.all([hashPassword(BENCH_ADMIN.password), hashPassword(random.uuid())])
  const base = emptyRows()
  base.users.push(...userRows(people, adminHash, otherHash, createdAt, random))
  base.localAuthorities.push(...councilRows(councils, createdAt))
  base.agencies.push(...agencyRows(agencies))
  base.venues.push(...venueRows(random, venues, councils, createdAt))
  base.venueRooms.push(...roomRows(venues))
  base.mediators.push(...mediatorRows(people, councils, venues, today, random))
  base.mediatorCpd.push(...cpdRows(people, today, random))
  for (let i = 0; i < API_TOKENS; i++) {
    base.apiTokens.push({
      name: `Bench case system ${i + 1}`,
      tokenHash: hashToken(apiToken(i)),
      localAuthorityId: councils[0]!.id,
      createdBy: 'bench',
      createdAt,
    })
  }
  const counts: Record<string, number> = {}
  const tally = (rows: Rows) => {
    for (const [name, list] of Object.entries(rows)) counts[name] = (counts[name] ?? 0) + list.length
  }
  tally(base)
  await insertBatch(database, base, watch)

  const progress = new Progress('Building cases', cases)
  const perYear = new Map<string, number>()
  const stories: Record<string, number> = {}
  const statuses: Record<string, number> = {}
  let inserted = 0
  // While one batch is written, the next is made: the database and Node each have a core.
  let writing: Promise<number> | undefined
  for (let start = 0; start < cases; start += CASES_PER_BATCH) {
    const rows = emptyRows()
    const made = performance.now()
    for (let i = start; i < Math.min(cases, start + CASES_PER_BATCH); i++) {
      const r = caseRandom(world, i)
      const day = receivedOn(world, i, r)
      const year = day.slice(0, 4)
      // Numbered within each year, so references keep their six digits however many cases there are.
      const n = (perYear.get(year) ?? 0) + 1
      perYear.set(year, n)
      const one = makeCase(world, i, `MED-${year}-${String(n).padStart(6, '0')}`, day, r, rows)
      stories[one.story] = (stories[one.story] ?? 0) + 1
      statuses[one.status] = (statuses[one.status] ?? 0) + 1
      // Let the batch being written send its next statement.
      if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve))
    }
    watch.add('making cases (while writing)', (performance.now() - made) / 1000)
    tally(rows)
    if (writing) inserted += await watch.time('waiting for the database', () => writing!)
    writing = insertBatch(database, rows, watch)
    progress.update(Math.min(cases, start + CASES_PER_BATCH))
  }
  if (writing) inserted += await writing
  progress.done()
  process.stderr.write('Building the indexes...\n')
  await watch.time('building indexes', () => createIndexes(database, indexes))
  const thisYear = perYear.get(today.slice(0, 4)) ?? 0
  await database.db.execute(sql`select setval('case_reference_seq', ${Math.max(1, thisYear)})`)
  // Vacuumed too, as autovacuum would have done by now: index-only scans need the visibility map.
  await watch.time('analyse', () => database.db.execute(sql`vacuum analyze`))
  const seconds = (performance.now() - started) / 1000
  const marker: Marker = {
    cases,
    generator: GENERATOR_VERSION,
    seed: SEED,
    builtOn: today,
    buildSeconds: Math.round(seconds * 10) / 10,
    counts,
  }
  await writeMarker(database, marker)
  process.stderr.write(
    `Built ${cases.toLocaleString('en-GB')} cases (${(inserted + rowCount(base)).toLocaleString('en-GB')} rows) in ${seconds.toFixed(1)} s: ${watch.summary()}\n`,
  )
  process.stderr.write(`Stories: ${JSON.stringify(stories)}\nStatuses: ${JSON.stringify(statuses)}\n`)
  return { skipped: false, marker, seconds, where: watch.summary() }
}
