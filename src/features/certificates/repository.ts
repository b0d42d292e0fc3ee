// Queries for the certificate pages. Certificates are written only by the workflow service, when
// one is issued (src/features/cases/workflow-service.ts).
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { certificates } from '../../db/schema/index.ts'
import type { CertificateContent } from './content.ts'

export interface CertificateRecord {
  id: string
  caseId: string
  kind: string
  issuedOn: string
  largePrint: boolean
  content: CertificateContent
}

const columns = {
  id: certificates.id,
  caseId: certificates.caseId,
  kind: certificates.kind,
  issuedOn: certificates.issuedOn,
  largePrint: certificates.largePrint,
  content: certificates.content,
}

/** Oldest first: the order they were issued. */
export async function certificatesOf(db: Db, caseId: string): Promise<CertificateRecord[]> {
  const rows = await db
    .select(columns)
    .from(certificates)
    .where(eq(certificates.caseId, caseId))
    .orderBy(asc(certificates.createdAt), asc(certificates.id))
  return rows
}

/** The certificate, only if it belongs to this case. */
export async function findCertificate(
  db: Db,
  caseId: string,
  certificateId: string,
): Promise<CertificateRecord | undefined> {
  const [row] = await db
    .select(columns)
    .from(certificates)
    .where(and(eq(certificates.id, certificateId), eq(certificates.caseId, caseId)))
  return row
}
