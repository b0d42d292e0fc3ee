// The queries that make a case from a request for help (create-case.ts).
import { eq, inArray, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.ts'
import { caseDeadlines, caseEvents, caseParties, cases, localAuthorities } from '../../db/schema/index.ts'

export type NewParty = typeof caseParties.$inferInsert

/** The council a new case is to be under, by id. */
export async function authorityById(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: localAuthorities.id, name: localAuthorities.name })
    .from(localAuthorities)
    .where(eq(localAuthorities.id, id))
  return row
}

/** The next number of the case references, shared by every year. */
export async function nextCaseNumber(tx: Tx): Promise<number> {
  const [{ n } = { n: 0 }] = await tx
    .execute<{ n: string }>(sql`select nextval('case_reference_seq') as n`)
    .then((r) => r.rows)
  return Number(n)
}

/** The new case's id, or undefined when a case with its submission key was made first. */
export async function insertCase(tx: Tx, values: typeof cases.$inferInsert): Promise<string | undefined> {
  const [row] = await tx
    .insert(cases)
    .values(values)
    .onConflictDoNothing({ target: cases.submissionKey })
    .returning({ id: cases.id })
  return row?.id
}

export async function insertParties(tx: Tx, parties: NewParty[]) {
  await tx.insert(caseParties).values(parties)
}

export async function caseBySubmissionKey(tx: Tx, key: string) {
  const [row] = await tx
    .select({ id: cases.id, reference: cases.reference })
    .from(cases)
    .where(eq(cases.submissionKey, key))
  return row
}

/** The councils new cases are to be under, by id, with what their deadlines need. */
export async function authoritiesByIds(tx: Tx, ids: string[]) {
  if (!ids.length) return []
  return tx
    .select({
      id: localAuthorities.id,
      name: localAuthorities.name,
      cadence: localAuthorities.updateCadenceWorkingDays,
    })
    .from(localAuthorities)
    .where(inArray(localAuthorities.id, ids))
}

/** The next `count` numbers of the case references, in one statement. */
export async function nextCaseNumbers(tx: Tx, count: number): Promise<number[]> {
  if (!count) return []
  const result = await tx.execute<{ n: string }>(
    sql`select nextval('case_reference_seq') as n from generate_series(1, ${count}::int)`,
  )
  return result.rows.map((r) => Number(r.n))
}

/** The cases already made with these submission keys. */
export async function casesBySubmissionKeys(tx: Tx, keys: string[]) {
  if (!keys.length) return []
  return tx
    .select({ id: cases.id, reference: cases.reference, submissionKey: cases.submissionKey })
    .from(cases)
    .where(inArray(cases.submissionKey, keys))
}

/** New cases in one statement; those whose submission key was used first are left out of the answer. */
export async function insertCases(tx: Tx, values: (typeof cases.$inferInsert)[]) {
  if (!values.length) return []
  return tx
    .insert(cases)
    .values(values)
    .onConflictDoNothing({ target: cases.submissionKey })
    .returning({ id: cases.id, reference: cases.reference, submissionKey: cases.submissionKey })
}

/** Parties of new cases in one statement, as stored. */
export async function insertManyParties(tx: Tx, parties: NewParty[]) {
  if (!parties.length) return []
  return tx.insert(caseParties).values(parties).returning()
}

/** Events of new cases in one statement, each with its id. */
export async function insertEvents(tx: Tx, events: (typeof caseEvents.$inferInsert)[]) {
  if (!events.length) return []
  return tx.insert(caseEvents).values(events).returning({
    id: caseEvents.id,
    caseId: caseEvents.caseId,
    type: caseEvents.type,
    occurredOn: caseEvents.occurredOn,
    data: caseEvents.data,
  })
}

/** The "what is due" index of new cases (none has a row yet), in one statement. */
export async function insertDeadlineRows(tx: Tx, rows: (typeof caseDeadlines.$inferInsert)[]) {
  if (rows.length) await tx.insert(caseDeadlines).values(rows)
}
