// A request for help becomes a case: the case, its parties and its first event in one
// transaction. A submission key makes a doubled or retried submission find the case it made.
import { eq, sql } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { caseParties, cases, localAuthorities } from '../../db/schema/index.ts'
import { formatCaseReference } from '../../domain/case-reference.ts'
import { authorityForPostcode } from '../../domain/postcode.ts'
import { needsPermission, type RequestFacts } from '../../domain/request.ts'
import { parseRequestFacts } from '../../domain/request-schema.ts'
import { refreshDeadlineIndex } from './deadline-index.ts'
import { appendEvent, type Actor } from './events.ts'

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
  actor: Actor
  submissionKey?: string
  /** The day the person got in touch, when logged later. */
  contactedOn?: string
  firstContact?: FirstContactChecklist
}

export async function createCase(
  db: Db,
  clock: Clock,
  input: NewCase,
): Promise<{ id: string; reference: string; created: boolean }> {
  return db.transaction(async (tx) => {
    if (input.submissionKey) {
      const existing = await findBySubmissionKey(tx, input.submissionKey)
      if (existing) return { ...existing, created: false }
    }
    const facts = parseRequestFacts(input.facts)
    const authorities = await tx.select().from(localAuthorities)
    const authority = authorityForPostcode(facts.child.postcode, authorities)
    const [{ n } = { n: 0 }] = await tx
      .execute<{ n: string }>(sql`select nextval('case_reference_seq') as n`)
      .then((r) => r.rows)
    const reference = formatCaseReference(Number(clock.today().slice(0, 4)), Number(n))

    const [row] = await tx
      .insert(cases)
      .values({
        reference,
        submissionKey: input.submissionKey,
        localAuthorityId: authority?.id,
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
      .onConflictDoNothing({ target: cases.submissionKey })
      .returning({ id: cases.id })
    if (!row) {
      // The same submission committed first in another request.
      const existing = await findBySubmissionKey(tx, input.submissionKey!)
      return { ...existing!, created: false }
    }

    await tx.insert(caseParties).values(partiesOf(row.id, facts))
    await appendEvent(tx, clock, {
      caseId: row.id,
      type: 'enquiry-received',
      actor: input.actor,
      occurredOn: input.contactedOn,
      data: { channel: input.channel, requesterRole: facts.requester.role, localAuthority: authority?.name ?? null },
    })
    if (input.firstContact) {
      await appendEvent(tx, clock, {
        caseId: row.id,
        type: 'first-contact-recorded',
        actor: input.actor,
        occurredOn: input.contactedOn,
        data: { ...input.firstContact },
      })
    }
    // An appealable decision starts the statutory clocks: the letter, and this contact with the adviser.
    if (facts.areas.includes('ehc-decision')) {
      if (facts.decision?.letterDate) {
        await appendEvent(tx, clock, {
          caseId: row.id,
          type: 'decision-letter-sent',
          actor: input.actor,
          occurredOn: facts.decision.letterDate,
          data: { kind: facts.decision.kind },
        })
      }
      await appendEvent(tx, clock, {
        caseId: row.id,
        type: 'adviser-contacted',
        actor: input.actor,
        occurredOn: input.contactedOn,
        data: { channel: input.channel },
      })
    }
    await refreshDeadlineIndex(tx, clock, row.id)
    return { id: row.id, reference, created: true }
  })
}

async function findBySubmissionKey(tx: Tx, key: string) {
  const [row] = await tx
    .select({ id: cases.id, reference: cases.reference })
    .from(cases)
    .where(eq(cases.submissionKey, key))
  return row
}

function partiesOf(caseId: string, facts: RequestFacts): (typeof caseParties.$inferInsert)[] {
  const { requester, contact, adjustments } = facts
  const reachable = {
    email: contact.email || null,
    phone: contact.phone || null,
    contactPreferences: contact,
    adjustments,
  }
  const parties: (typeof caseParties.$inferInsert)[] = []
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
