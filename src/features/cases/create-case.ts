// A request for help becomes a case: the case, its parties and its first event in one
// transaction. A submission key makes a doubled or retried submission find the case it made.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { formatCaseReference } from '../../domain/case-reference.ts'
import { needsPermission, type RequestFacts } from '../../domain/request.ts'
import { parseRequestFacts } from '../../domain/request-schema.ts'
import { refreshDeadlineIndex } from './deadline-index.ts'
import { appendEvent, type Actor } from './events.ts'
import {
  authorityById,
  caseBySubmissionKey,
  insertCase,
  insertParties,
  nextCaseNumber,
  type NewParty,
} from './new-case-repository.ts'

export interface FirstContactChecklist {
  reasonForContact: string
  differenceExplained: boolean
  understandingChecked: boolean
  preferencesAsked: boolean
  signposting: string
}

export interface NewCase {
  facts: RequestFacts
  channel: 'online' | 'phone' | 'email'
  /**
   * The council whose contract the case is under, as chosen where the request came in: the one
   * the person works for (staff), the one the person lives in (the public journey), the token's
   * (the API). It decides who may see the case.
   */
  localAuthorityId: string
  /** The person lives in none of the areas of the councils the service works for (it may not be free). */
  outsideCouncilAreas?: boolean
  actor: Actor
  submissionKey?: string
  /** The day the person got in touch, when logged later. */
  contactedOn?: string
  firstContact?: FirstContactChecklist
  /** Brought in from a file of existing cases: the import and the file's line (features/imports). */
  importedFrom?: { batchId: string; line: number; fileName: string }
}

export async function createCase(
  db: Db,
  clock: Clock,
  input: NewCase,
): Promise<{ id: string; reference: string; created: boolean }> {
  return db.transaction(async (tx) => {
    if (input.submissionKey) {
      const existing = await caseBySubmissionKey(tx, input.submissionKey)
      if (existing) return { ...existing, created: false }
    }
    const facts = parseRequestFacts(input.facts)
    const authority = await authorityById(tx, input.localAuthorityId)
    if (!authority) throw new Error(`There is no council ${input.localAuthorityId} to take the case`)
    const reference = formatCaseReference(Number(clock.today().slice(0, 4)), await nextCaseNumber(tx))

    const id = await insertCase(tx, {
      reference,
      submissionKey: input.submissionKey,
      localAuthorityId: authority.id,
      channel: input.channel,
      receivedOn: input.contactedOn ?? clock.today(),
      childName: facts.child.name,
      childDateOfBirth: facts.child.dateOfBirth,
      childSetting: facts.child.setting,
      childPostcode: facts.child.postcode,
      ehcStatus: facts.ehcStatus,
      request: facts,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    })
    if (!id) {
      // The same submission committed first in another request.
      const existing = await caseBySubmissionKey(tx, input.submissionKey!)
      return { ...existing!, created: false }
    }

    await insertParties(tx, newParties(id, facts))
    for (const event of firstEvents(input, facts, authority.name))
      await appendEvent(tx, clock, { caseId: id, actor: input.actor, ...event })
    await refreshDeadlineIndex(tx, clock, id)
    return { id, reference, created: true }
  })
}

/** The events a new case starts with: the contact, and for an appealable decision its letter and the adviser contacted. */
export function firstEvents(
  input: Pick<NewCase, 'channel' | 'contactedOn' | 'outsideCouncilAreas' | 'firstContact' | 'importedFrom'>,
  facts: RequestFacts,
  authorityName: string,
): { type: string; occurredOn?: string; data: Record<string, unknown> }[] {
  const events: { type: string; occurredOn?: string; data: Record<string, unknown> }[] = []
  const occurredOn = input.contactedOn
  events.push({
    type: 'enquiry-received',
    occurredOn,
    data: {
      channel: input.channel,
      requesterRole: facts.requester.role,
      localAuthority: authorityName,
      ...(input.outsideCouncilAreas ? { outsideCouncilAreas: true } : {}),
      ...(input.importedFrom ? { importedFrom: input.importedFrom } : {}),
    },
  })
  if (input.firstContact) events.push({ type: 'first-contact-recorded', occurredOn, data: { ...input.firstContact } })
  // An appealable decision starts the statutory clocks: the letter, and this contact with the adviser.
  if (facts.areas.includes('ehc-decision')) {
    if (facts.decision?.letterDate) {
      events.push({
        type: 'decision-letter-sent',
        occurredOn: facts.decision.letterDate,
        data: { kind: facts.decision.kind },
      })
    }
    events.push({ type: 'adviser-contacted', occurredOn, data: { channel: input.channel } })
  }
  return events
}

/** The parties of a new case: whoever asked (and the family, when someone asked for them), and the other side. */
export function newParties(caseId: string, facts: RequestFacts): NewParty[] {
  const { requester, contact, adjustments } = facts
  const reachable = {
    email: contact.email || null,
    phone: contact.phone || null,
    contactPreferences: contact,
    adjustments,
  }
  const parties: NewParty[] = []
  if (needsPermission(requester.role)) {
    parties.push({
      caseId,
      role: 'referrer',
      name: requester.name,
      organisation: requester.organisation,
      isRequester: true,
      ...reachable,
    })
    if (facts.parent?.name) parties.push({ caseId, role: 'parent', name: facts.parent.name })
  } else {
    parties.push({ caseId, role: requester.role, name: requester.name, isRequester: true, ...reachable })
  }
  for (const other of facts.otherParties) {
    parties.push({ caseId, role: other.kind, name: other.name || '', organisation: other.name || null })
  }
  return parties
}
