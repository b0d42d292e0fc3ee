// The export's reads: the cases of a filter (one that includes who may see what) a page at a time
// in reference order (keyset: after the last reference read, through its unique index), and the
// people and events of a page of cases (through their case indexes). Never the whole list at once.
import { and, asc, desc, eq, gt, inArray, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client.ts'
import { caseEvents, caseParties, cases, localAuthorities } from '../../../db/schema/index.ts'

export async function casesAfter(db: Db, where: SQL, after: string | undefined, limit: number) {
  return db
    .select({
      id: cases.id,
      reference: cases.reference,
      council: localAuthorities.name,
      status: cases.status,
      scope: cases.scope,
      channel: cases.channel,
      receivedOn: cases.receivedOn,
      childName: cases.childName,
      childDateOfBirth: cases.childDateOfBirth,
      childSetting: cases.childSetting,
      childPostcode: cases.childPostcode,
      ehcStatus: cases.ehcStatus,
      request: cases.request,
    })
    .from(cases)
    .innerJoin(localAuthorities, eq(localAuthorities.id, cases.localAuthorityId))
    .where(after ? and(where, gt(cases.reference, after)) : where)
    .orderBy(asc(cases.reference))
    .limit(limit)
}

export async function peopleOf(db: Db, caseIds: string[]) {
  if (!caseIds.length) return []
  return db
    .select({
      caseId: caseParties.caseId,
      role: caseParties.role,
      name: caseParties.name,
      organisation: caseParties.organisation,
      email: caseParties.email,
      phone: caseParties.phone,
      isRequester: caseParties.isRequester,
    })
    .from(caseParties)
    .where(inArray(caseParties.caseId, caseIds))
    .orderBy(asc(caseParties.caseId), desc(caseParties.isRequester), asc(caseParties.createdAt), asc(caseParties.id))
}

export async function eventsOf(db: Db, caseIds: string[]) {
  if (!caseIds.length) return []
  return db
    .select({
      caseId: caseEvents.caseId,
      id: caseEvents.id,
      type: caseEvents.type,
      occurredOn: caseEvents.occurredOn,
      recordedAt: caseEvents.recordedAt,
      actorLabel: caseEvents.actorLabel,
      data: caseEvents.data,
    })
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, caseIds))
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.id))
}
