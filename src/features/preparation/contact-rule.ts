// The rule the workflow applies before a meeting is arranged: every party (not whoever asked for
// the family) has been contacted at least once. Used inside the workflow's transaction.
import { and, eq, ne, notExists } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { caseParties, partyContacts } from '../../db/schema/index.ts'
import { inPartyOrder, notContactedReason } from './rules.ts'

export async function partiesNotContacted(db: Db | Tx, caseId: string) {
  const rows = await db
    .select({
      id: caseParties.id,
      role: caseParties.role,
      name: caseParties.name,
      organisation: caseParties.organisation,
    })
    .from(caseParties)
    .where(
      and(
        eq(caseParties.caseId, caseId),
        ne(caseParties.role, 'referrer'),
        notExists(
          db.select({ one: partyContacts.id }).from(partyContacts).where(eq(partyContacts.partyId, caseParties.id)),
        ),
      ),
    )
  return inPartyOrder(rows)
}

/** Why a meeting cannot be arranged yet, or undefined when everyone has been contacted. */
export async function meetingContactRefusal(db: Db | Tx, caseId: string): Promise<string | undefined> {
  return notContactedReason(await partiesNotContacted(db, caseId))
}
