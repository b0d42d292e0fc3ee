// The steps of a complaint's stages: acknowledging it, answering it with the outcome (the letter
// queued to the complainant in the same transaction), and taking it to the next stage. Each step
// checks the version the form was read at ("someone else changed this") and appends its event.
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import {
  isLastStage,
  nextStage,
  outcomeNames,
  stageDeadlines,
  stageNames,
  statusAfterResponse,
  type ComplaintOutcome,
  type ComplaintStage,
  type NextRoute,
} from '../../domain/complaints.ts'
import { RefusalError, refusalsAsResults, type Result } from '../../domain/result.ts'
import { hasRole, type StaffUser } from '../../domain/staff.ts'
import { formatDate } from '../../web/format.ts'
import { reachableCouncil } from '../../web/provider.ts'
import { queueMessage } from '../messages/index.ts'
import { currentCalendar } from '../settings/index.ts'
import { canSeeComplaint, seniorManagers } from './access.ts'
import { appendComplaintEvent } from './events.ts'
import type { AcknowledgedHow } from './labels.ts'
import { complainantRecipient, forLetter, nextStepText } from './letter.ts'
import {
  councilFor,
  insertStage,
  lockComplaint,
  partyRow,
  stagesOf,
  updateComplaint,
  updateStage,
  type ComplaintRow,
} from './repository.ts'
import { complaintTemplates } from './templates.ts'

export const staleMessage = 'Someone else changed this complaint while you were working on it. Check it and try again.'

const template = (key: string) => complaintTemplates.find((t) => t.key === key)!

/** A step on a complaint: locked, checked against the version the form was read at, moved on. */
async function step<T extends object>(
  db: Db,
  clock: Clock,
  user: StaffUser,
  id: string,
  version: number,
  field: string,
  work: (tx: Tx, c: ComplaintRow) => Promise<T>,
): Promise<Result<T>> {
  return refusalsAsResults(() =>
    db.transaction(async (tx) => {
      const c = await lockComplaint(tx, id)
      if (!c || !canSeeComplaint(user, c)) throw new RefusalError('There is no such complaint.', undefined, 'not-found')
      if (c.version !== version) throw new RefusalError(staleMessage, field, 'stale')
      const answer = await work(tx, c)
      await updateComplaint(tx, id, { version: c.version + 1, updatedAt: clock.now() })
      return { ok: true as const, ...answer }
    }),
  )
}

async function currentStage(tx: Tx, c: ComplaintRow) {
  const stages = await stagesOf(tx, c.id)
  return stages.find((s) => s.stage === c.stage)!
}

async function serviceValuesOf(tx: Tx, councilId: string) {
  const council = await councilFor(tx, councilId)
  // A council with no phone or email of its own is reached through the provider's.
  const reached = await reachableCouncil(tx, council ?? { phone: null, email: null })
  return {
    council,
    values: {
      'service-name': council?.serviceName ?? 'Parley',
      'service-phone': reached.phone,
      'service-email': reached.email,
      'opening-hours': council?.openingHours ?? '',
    },
  }
}

const recipientOf = async (tx: Tx, c: ComplaintRow) =>
  complainantRecipient(c, c.partyId ? await partyRow(tx, c.partyId) : undefined)

export interface AcknowledgeInput {
  version: number
  acknowledgedOn: string
  how: AcknowledgedHow
}

export interface RespondInput {
  version: number
  respondedOn: string
  outcome: ComplaintOutcome
  findings: string
  changes: string
  route?: NextRoute
}

export function createStageService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** The stage under way is acknowledged: by a message from Parley, or as staff already did. */
    acknowledge(user: StaffUser, id: string, input: AcknowledgeInput): Promise<Result<{ sent: boolean }>> {
      return step(db, clock, user, id, input.version, 'how', async (tx, c) => {
        const stage = await currentStage(tx, c)
        if (stage.acknowledgedOn || stage.respondedOn)
          throw new RefusalError('This stage has already been acknowledged.', 'how')
        if (input.acknowledgedOn < stage.startedOn)
          throw new RefusalError(
            `The date must be on or after the stage started, ${formatDate(stage.startedOn)}`,
            'acknowledgedOn-day',
          )
        let messageId: string | null = null
        if (input.how === 'message') {
          const { values } = await serviceValuesOf(tx, c.localAuthorityId)
          const message = await queueMessage(tx, clock, {
            caseId: c.caseId ?? undefined,
            to: await recipientOf(tx, c),
            template: template('complaint-acknowledgement'),
            values: {
              ...values,
              name: c.complainantName,
              reference: c.reference,
              'received-on': formatDate(c.receivedOn),
              stage: stageNames[stage.stage as ComplaintStage],
              'respond-by': formatDate(stage.respondBy),
            },
            createdBy: user.id,
          })
          if (!message)
            throw new RefusalError(
              'We have no email address, phone number or postal address for them. Tell them another way, then record how',
              'how',
            )
          messageId = message.id
        }
        await updateStage(tx, stage.id, { acknowledgedOn: input.acknowledgedOn, acknowledgedHow: input.how })
        await appendComplaintEvent(tx, clock, {
          complaintId: c.id,
          type: 'stage-acknowledged',
          actor: { userId: user.id, label: user.name },
          occurredOn: input.acknowledgedOn,
          data: { stage: stage.stage, how: input.how, messageId, inTime: input.acknowledgedOn <= stage.acknowledgeBy },
        })
        return { sent: messageId !== null }
      })
    },

    /** The stage's answer: the outcome, what we found and what changes, in a letter queued to them. */
    respond(user: StaffUser, id: string, input: RespondInput): Promise<Result<{ sent: boolean }>> {
      return step(db, clock, user, id, input.version, 'outcome', async (tx, c) => {
        const stage = await currentStage(tx, c)
        const key = stage.stage as ComplaintStage
        if (stage.respondedOn) throw new RefusalError('This stage has already been answered.', 'outcome')
        if (key === 'review' && !hasRole(user, ...seniorManagers))
          throw new RefusalError('Only a manager can answer the review by a senior manager', 'outcome')
        if (input.respondedOn < stage.startedOn)
          throw new RefusalError(
            `The date must be on or after the stage started, ${formatDate(stage.startedOn)}`,
            'respondedOn-day',
          )
        const route = isLastStage(key) ? (input.route ?? 'cmc') : undefined
        const { council, values } = await serviceValuesOf(tx, c.localAuthorityId)
        const nextStep = nextStepText(key, input.respondedOn, c.happenedOn, route, council?.name ?? 'the council')
        const message = await queueMessage(tx, clock, {
          caseId: c.caseId ?? undefined,
          to: forLetter(await recipientOf(tx, c)),
          template: template('complaint-response'),
          values: {
            ...values,
            name: c.complainantName,
            reference: c.reference,
            'received-on': formatDate(c.receivedOn),
            stage: stageNames[key],
            outcome: outcomeNames[input.outcome].toLowerCase(),
            findings: input.findings,
            changes: input.changes || 'Nothing changes as a result of this complaint.',
            'next-step': nextStep,
          },
          createdBy: user.id,
        })
        await updateStage(tx, stage.id, {
          respondedOn: input.respondedOn,
          outcome: input.outcome,
          findings: input.findings,
          changes: input.changes,
          nextRoute: route ?? null,
          responseMessageId: message?.id ?? null,
          respondedBy: user.id,
        })
        await updateComplaint(tx, c.id, { status: statusAfterResponse(key) })
        await appendComplaintEvent(tx, clock, {
          complaintId: c.id,
          type: 'stage-answered',
          actor: { userId: user.id, label: user.name },
          occurredOn: input.respondedOn,
          data: {
            stage: key,
            outcome: input.outcome,
            inTime: input.respondedOn <= stage.respondBy,
            messageId: message?.id ?? null,
            route: route ?? null,
          },
        })
        return { sent: message !== null }
      })
    },

    /** They asked for the next stage: it starts on the day they asked, with its own deadlines. */
    escalate(user: StaffUser, id: string, input: { version: number; requestedOn: string }): Promise<Result> {
      return step(db, clock, user, id, input.version, 'requestedOn-day', async (tx, c) => {
        const stage = await currentStage(tx, c)
        const next = nextStage(stage.stage as ComplaintStage)
        if (!stage.respondedOn || !next)
          throw new RefusalError('This complaint cannot go to another stage now.', 'requestedOn-day')
        if (input.requestedOn < stage.respondedOn)
          throw new RefusalError(
            `The date must be on or after our answer, ${formatDate(stage.respondedOn)}`,
            'requestedOn-day',
          )
        const council = await councilFor(tx, c.localAuthorityId)
        const days = {
          acknowledgeWorkingDays: council?.acknowledgeWorkingDays ?? 3,
          responseWorkingDays: council?.responseWorkingDays ?? 20,
        }
        const deadlines = stageDeadlines(await currentCalendar(tx as unknown as Db), input.requestedOn, days)
        await insertStage(tx, {
          complaintId: c.id,
          stage: next,
          startedOn: input.requestedOn,
          ...deadlines,
          createdAt: clock.now(),
        })
        await updateComplaint(tx, c.id, { stage: next, status: 'open' })
        await appendComplaintEvent(tx, clock, {
          complaintId: c.id,
          type: 'stage-started',
          actor: { userId: user.id, label: user.name },
          occurredOn: input.requestedOn,
          data: { stage: next, stageName: stageNames[next], from: stage.stage, ...deadlines, ...days },
        })
        return {}
      })
    },
  }
}
