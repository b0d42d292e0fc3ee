// Recording a complaint in the register, however it arrived: by staff (a phone call, an email, a
// letter, in person), or from the portal's complaint form (in the portal's own transaction). Each
// starts its first stage, with deadlines in working days from the day it was received.
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { stageDeadlines, stageNames, type ComplaintStage } from '../../domain/complaints.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import { RefusalError, refusalsAsResults, type Result } from '../../domain/result.ts'
import { worksFor, type StaffUser } from '../../domain/staff.ts'
import { currentCalendar } from '../settings/index.ts'
import { handlesComplaints } from './access.ts'
import { appendComplaintEvent, type ComplaintActor } from './events.ts'
import type { ComplaintAbout, Prefers, ReceivedVia } from './labels.ts'
import {
  caseWithParties,
  councilFor,
  insertComplaint,
  insertStage,
  nextComplaintNumber,
  type ComplaintRow,
} from './repository.ts'

export const formatComplaintReference = (year: number, n: number) => `CMP-${year}-${String(n).padStart(6, '0')}`

/** Someone who is not a party of the case: who they are, and how to reach them. */
export interface OtherComplainant {
  name: string
  relationship: string
  email: string
  phone: string
  address: string
  prefers: Prefers
}

export interface ComplaintInput {
  /** The case it is about, if any: its council decides who sees the complaint. */
  caseId?: string
  /** With no case: the council staff chose. */
  councilId?: string
  /** A party of the case who complained; else `other`. */
  partyId?: string
  other?: OtherComplainant
  receivedVia: Exclude<ReceivedVia, 'portal'>
  receivedOn: string
  about: ComplaintAbout
  aboutMediatorId?: string
  aboutUserId?: string
  whatHappened: string
  happenedOn: string
  wantedOutcome: string
  startStage: Extract<ComplaintStage, 'informal' | 'formal'>
  submissionKey: string
}

type NewComplaint = Omit<
  typeof import('../../db/schema/index.ts').complaints.$inferInsert,
  'id' | 'reference' | 'stage' | 'status' | 'version' | 'createdAt' | 'updatedAt'
>

/** The complaint, its first stage with its deadlines, and their events: in the caller's transaction. */
async function createComplaint(
  tx: Tx,
  clock: Clock,
  values: NewComplaint,
  startStage: ComplaintStage,
  actor: ComplaintActor,
): Promise<ComplaintRow> {
  const council = await councilFor(tx, values.localAuthorityId)
  if (!council) throw new RefusalError('Select the council', 'council')
  const calendar = await currentCalendar(tx as unknown as Db)
  const reference = formatComplaintReference(Number(clock.today().slice(0, 4)), await nextComplaintNumber(tx))
  const now = clock.now()
  const complaint = await insertComplaint(tx, {
    ...values,
    reference,
    stage: startStage,
    status: 'open',
    createdAt: now,
    updatedAt: now,
  })
  const days = {
    acknowledgeWorkingDays: council.acknowledgeWorkingDays,
    responseWorkingDays: council.responseWorkingDays,
  }
  const deadlines = stageDeadlines(calendar, values.receivedOn, days)
  await insertStage(tx, {
    complaintId: complaint.id,
    stage: startStage,
    startedOn: values.receivedOn,
    ...deadlines,
    createdAt: now,
  })
  await appendComplaintEvent(tx, clock, {
    complaintId: complaint.id,
    type: 'complaint-recorded',
    actor,
    occurredOn: values.receivedOn,
    data: { reference, via: values.receivedVia, about: values.about, council: council.name },
  })
  await appendComplaintEvent(tx, clock, {
    complaintId: complaint.id,
    type: 'stage-started',
    actor,
    occurredOn: values.receivedOn,
    data: { stage: startStage, stageName: stageNames[startStage], ...deadlines, ...days },
  })
  return complaint
}

export function createRecordService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** Staff record a complaint, once per form; the case (if any) must be one they may see. */
    record(user: StaffUser, input: ComplaintInput): Promise<Result<{ id: string }>> {
      return refusalsAsResults(() =>
        oncePerKey(db, clock, input.submissionKey, async (tx) => {
          if (!handlesComplaints(user)) throw new RefusalError('There is no such case.', undefined, 'not-found')
          const found = input.caseId ? await caseWithParties(tx, input.caseId) : undefined
          if (input.caseId && (!found || !worksFor(user, found.localAuthorityId)))
            throw new RefusalError('There is no such case.', undefined, 'not-found')
          const councilId = found?.localAuthorityId ?? input.councilId
          if (!councilId || !worksFor(user, councilId)) throw new RefusalError('Select the council', 'council')
          const party = input.partyId ? found?.parties.find((p) => p.id === input.partyId) : undefined
          if (input.partyId && !party) throw new RefusalError('Select who made the complaint', 'complainant')
          const other = party ? undefined : input.other
          if (!party && !other) throw new RefusalError('Select who made the complaint', 'complainant')
          const complaint = await createComplaint(
            tx,
            clock,
            {
              localAuthorityId: councilId,
              caseId: found?.id ?? null,
              partyId: party?.id ?? null,
              complainantName: party ? party.name || party.organisation || 'A party' : other!.name,
              complainantRelationship: other?.relationship || null,
              complainantEmail: other?.email || null,
              complainantPhone: other?.phone || null,
              complainantAddress: other?.address || null,
              complainantPrefers: other?.prefers ?? null,
              receivedVia: input.receivedVia,
              receivedOn: input.receivedOn,
              about: input.about,
              aboutMediatorId: input.about === 'mediator' ? input.aboutMediatorId : null,
              aboutUserId: input.about === 'staff' ? input.aboutUserId : null,
              whatHappened: input.whatHappened,
              happenedOn: input.happenedOn,
              wantedOutcome: input.wantedOutcome,
              recordedBy: user.id,
            },
            input.startStage,
            { userId: user.id, label: user.name },
          )
          return { ok: true as const, id: complaint.id }
        }),
      )
    },
  }
}

/**
 * A complaint made in the parties' portal: a register entry about the service, from the party, in
 * the portal's transaction (which records the form itself in party_feedback).
 */
export async function recordPortalComplaint(
  tx: Tx,
  clock: Clock,
  input: {
    caseId: string
    partyId: string
    partyName: string
    feedbackId: string
    complaint: string
    outcome: string
    actorLabel: string
  },
): Promise<{ id: string; reference: string }> {
  const found = await caseWithParties(tx, input.caseId)
  if (!found) throw new RefusalError('There is no such case.', undefined, 'not-found')
  const today = clock.today()
  const complaint = await createComplaint(
    tx,
    clock,
    {
      localAuthorityId: found.localAuthorityId,
      caseId: found.id,
      partyId: input.partyId,
      portalFeedbackId: input.feedbackId,
      complainantName: input.partyName,
      receivedVia: 'portal',
      receivedOn: today,
      // The form does not ask; staff change it when they read it.
      about: 'service',
      whatHappened: input.complaint,
      happenedOn: today,
      wantedOutcome: input.outcome,
    },
    'informal',
    { label: input.actorLabel },
  )
  return { id: complaint.id, reference: complaint.reference }
}
