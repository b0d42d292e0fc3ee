// The queries that make a case from a request for help (create-case.ts).
import { eq, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.ts'
import { caseParties, cases, localAuthorities } from '../../db/schema/index.ts'

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
