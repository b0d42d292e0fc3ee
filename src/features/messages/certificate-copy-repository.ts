// The family's party of a case (the parent or young person), to send their certificate to.
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Tx } from '../../db/client.ts'
import { caseParties, cases } from '../../db/schema/index.ts'

export async function familyParty(tx: Tx, caseId: string) {
  const [row] = await tx
    .select({ party: caseParties, childName: cases.childName, request: cases.request })
    .from(caseParties)
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .where(and(eq(caseParties.caseId, caseId), inArray(caseParties.role, ['young-person', 'parent'])))
    .orderBy(asc(caseParties.role))
    .limit(2)
  return row
}
