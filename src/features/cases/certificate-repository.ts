// The queries behind issuing a mediation certificate (workflow-service.ts): who it names, its
// number, and the certificate as issued. The certificates area reads them back.
import { count, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.ts'
import { certificates, localAuthorities } from '../../db/schema/index.ts'

/** The case's council: the certificate names it, and is issued by the service as it runs for it. */
export async function authorityOf(tx: Tx, localAuthorityId: string | null) {
  if (!localAuthorityId) return undefined
  const [row] = await tx.select().from(localAuthorities).where(eq(localAuthorities.id, localAuthorityId))
  return row
}

export async function certificatesIssued(tx: Tx, caseId: string): Promise<number> {
  const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(certificates).where(eq(certificates.caseId, caseId))
  return Number(n)
}

export async function insertCertificate(tx: Tx, certificate: typeof certificates.$inferInsert) {
  await tx.insert(certificates).values(certificate)
}
