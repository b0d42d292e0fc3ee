// The queries behind issuing a mediation certificate (workflow-service.ts): who it names, its
// number, and the certificate as issued. The certificates area reads them back.
import { count, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.ts'
import { certificates, localAuthorities } from '../../db/schema/index.ts'

export async function authorityOf(tx: Tx, localAuthorityId: string | null) {
  if (!localAuthorityId) return undefined
  const [row] = await tx.select().from(localAuthorities).where(eq(localAuthorities.id, localAuthorityId))
  return row
}

/** The service that runs the mediation: the authority recorded as commissioned. */
export async function commissionedProvider(tx: Tx) {
  const [row] = await tx.select().from(localAuthorities).where(eq(localAuthorities.commissioned, true)).limit(1)
  return row
}

export async function certificatesIssued(tx: Tx, caseId: string): Promise<number> {
  const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(certificates).where(eq(certificates.caseId, caseId))
  return Number(n)
}

export async function insertCertificate(tx: Tx, certificate: typeof certificates.$inferInsert) {
  await tx.insert(certificates).values(certificate)
}
