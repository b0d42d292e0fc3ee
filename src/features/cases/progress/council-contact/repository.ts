// The council party of a case, to show and set its SEN team's contact details.
import { and, asc, eq } from 'drizzle-orm'
import type { Db, Tx } from '../../../../db/client.ts'
import { caseParties } from '../../../../db/schema/index.ts'

/** The case's council party (the first, when there is more than one), or undefined. */
export async function councilPartyOf(q: Db | Tx, caseId: string) {
  const [party] = await q
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, 'local-authority')))
    .orderBy(asc(caseParties.createdAt), asc(caseParties.id))
    .limit(1)
  return party
}

export async function setPartyContact(
  tx: Tx,
  partyId: string,
  change: { email: string; phone: string | null; version: number },
) {
  await tx.update(caseParties).set(change).where(eq(caseParties.id, partyId))
}
