// For the test of two councils on one install (council-access.test.ts): a case with everything a
// page can show or download (parties, a final agreement and its points, a certificate, a summary, an
// objection, a permission, messages, one of them of no case), under a council, with names of its own.
import { eq } from 'drizzle-orm'
import type { TestApp } from '../../../../test/helpers/app.ts'
import {
  agreementPoints,
  allocationObjections,
  allocations,
  caseParties,
  cases,
  certificates,
  partyPermissions,
  summaries,
} from '../../../db/schema/index.ts'
import { acceptAndFinalise, agreementCase, draftPoints, type Staff } from '../../agreements/testing.ts'
import { sampleContent } from '../../certificates/testing.ts'
import { queueOne } from '../../messages/testing.ts'
import { pdfBytes } from '../../preparation/testing.ts'

export interface Built {
  id: string
  reference: string
  childName: string
  parentName: string
  /** The values for each kind of id in a path. */
  ids: Record<string, string>
  /** Messages: of the case, and of no case but to one of its parties. */
  messageIds: string[]
}

/** A case with everything a page can show or download, under the council given, with its own names. */
export async function fullCase(
  t: TestApp,
  staff: Pick<Staff, 'mediatorId' | 'coordinatorId' | 'mediatorUserId'>,
  council: string,
  childName: string,
  parentName: string,
): Promise<Built> {
  const db = t.database.db
  const c = await agreementCase(t, staff)
  const [row] = await db.select().from(cases).where(eq(cases.id, c.id))
  await db
    .update(cases)
    .set({
      localAuthorityId: council,
      childName,
      request: { ...row!.request, child: { ...row!.request.child, name: childName } },
    })
    .where(eq(cases.id, c.id))
  await db.update(caseParties).set({ name: parentName }).where(eq(caseParties.id, c.parent.id))
  await draftPoints(t, c)
  await acceptAndFinalise(t, c.id, staff.mediatorUserId)
  const [point] = await db.select().from(agreementPoints).where(eq(agreementPoints.caseId, c.id)).limit(1)
  const [certificate] = await db
    .insert(certificates)
    .values({
      caseId: c.id,
      kind: 'after-mediation',
      issuedOn: t.clock.today(),
      content: { ...sampleContent({ childName, kind: 'after-mediation' }), caseReference: c.reference },
      createdAt: t.clock.now(),
    })
    .returning()
  const [summary] = await db
    .insert(summaries)
    .values({
      caseId: c.id,
      partyId: c.parent.id,
      fileName: 'summary.pdf',
      fileType: 'application/pdf',
      fileSize: pdfBytes().length,
      file: pdfBytes(),
      submittedAt: t.clock.now(),
    })
    .returning()
  const [allocation] = await db.select().from(allocations).where(eq(allocations.caseId, c.id))
  const [objection] = await db
    .insert(allocationObjections)
    .values({
      allocationId: allocation!.id,
      partyId: c.parent.id,
      reason: 'We met before',
      raisedOn: t.clock.today(),
    })
    .returning()
  const [permission] = await db
    .insert(partyPermissions)
    .values({
      caseId: c.id,
      partyId: c.school.id,
      givenBy: parentName,
      givenOn: t.clock.today(),
      createdAt: t.clock.now(),
    })
    .returning()
  const values = { name: parentName, child: childName, reference: c.reference, update: 'News', 'next-step': 'Next' }
  const email = await queueOne(db, t.clock, {
    caseId: c.id,
    to: { partyId: c.parent.id, name: parentName, email: 'family@example.com', methods: ['email'] },
    values,
  })
  const letter = await queueOne(db, t.clock, {
    caseId: c.id,
    to: { partyId: c.parent.id, name: parentName, address: '1 Example Road\nWA1 1AA', methods: ['post'] },
    values,
    attachments: [{ filename: 'note.txt', contentType: 'text/plain', content: Buffer.from('x').toString('base64') }],
  })
  // A message of no case (a sign-in link, say) to one of the case's parties.
  const unattached = await queueOne(db, t.clock, {
    to: { partyId: c.parent.id, name: parentName, email: 'family@example.com', methods: ['email'] },
    values,
  })
  return {
    id: c.id,
    reference: c.reference,
    childName,
    parentName,
    ids: {
      id: c.id,
      partyId: c.parent.id,
      mediatorId: staff.mediatorId,
      messageId: letter.id,
      pointId: point!.id,
      summaryId: summary!.id,
      objectionId: objection!.id,
      permissionId: permission!.id,
      address: certificate!.id,
      action: 'start-preparation',
      n: '1',
    },
    messageIds: [email.id, letter.id, unattached.id],
  }
}
