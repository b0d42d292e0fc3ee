// An agreement a council's system records through the API: made and accepted at the meeting,
// written down elsewhere. It is final at once: its items become the agreement's points (one per
// follow-up date of reg 44, domain/agreement-items.ts), the words are frozen as the pages' final
// agreement is, and the meeting is recorded as held and the mediation as ended, in the same
// transaction. Its points are followed up on the pages, Today and the portal like any other.
import type { Tx } from '../../db/client.ts'
import { finalContentOf } from '../../domain/agreement-content.ts'
import { icbNoticeOf, partyRoleOf, plannedPoints, type AgreementItem } from '../../domain/agreement-items.ts'
import type { IsoDate } from '../../domain/dates.ts'
import { refuse, refusalsAsResults, RefusalError, type Result } from '../../domain/result.ts'
import { routeLabels, type Action, type CaseState } from '../../domain/workflow.ts'
import { appendEvent, createWorkflowService, type Actor } from '../cases/index.ts'
import { serviceValues } from '../messages/index.ts'
import { currentCalendar } from '../settings/index.ts'
import type { AgreementDeps } from './draft.ts'
import { finaliseAgreement, insertDraft, insertPoint, lockAgreementOfCase, placePoint } from './draft-repository.ts'
import { caseRowOf, mediationParties } from './repository.ts'

export interface RecordedAgreement {
  /** The day the agreement was made: the meeting's day, or later. */
  agreedOn: IsoDate
  outcome: 'agreement' | 'partial' | 'none'
  councilWasParty: boolean
  items: AgreementItem[]
  notAgreed: string[]
}

export interface RecordedPoint {
  id: string
  number: number
  item: number
  what: string
  responsible: string
  dueDate: IsoDate
  statutoryDueDate: IsoDate
  rule: string
}

/** The actions that end the mediation with this outcome, from where the case is. */
function endingActions(state: CaseState, outcome: RecordedAgreement['outcome']): Action[] {
  if (state.outcome !== undefined) return [] // the same outcome again is the agreement written down
  const conclude: Action = { type: 'conclude', outcome }
  return state.status === 'meeting-arranged' ? [{ type: 'hold-meeting' }, conclude] : [conclude]
}

export function createRecordedAgreementService(deps: AgreementDeps) {
  const { db, clock } = deps

  async function writeAgreement(
    tx: Tx,
    caseId: string,
    input: RecordedAgreement,
    context: { state: CaseState; actor: Actor; calendar: Awaited<ReturnType<typeof currentCalendar>> },
  ) {
    const existing = await lockAgreementOfCase(tx, caseId)
    if (existing?.status === 'final') throw new RefusalError('The case already has a final agreement.')
    if (existing) {
      throw new RefusalError(
        'An agreement is being written for this case in Parley (its Agreement tab): finish it there instead.',
      )
    }
    const caseRow = (await caseRowOf(tx, caseId))!
    const parties = await mediationParties(tx, caseId)
    const agreement = await insertDraft(tx, { caseId, now: clock.now() })
    const planned = plannedPoints(input.items, input.agreedOn, context.calendar)
    const rows = []
    for (const [n, p] of planned.entries()) {
      const role = partyRoleOf[p.responsibleKind]
      const party = role ? parties.find((x) => x.role === role) : undefined
      rows.push(
        await insertPoint(tx, {
          agreementId: agreement.id,
          caseId,
          position: n + 1,
          issueId: null,
          responsiblePartyId: party?.id ?? null,
          responsibleName: party ? null : p.responsible,
          what: p.what,
          byWhen: p.byWhen,
          howKnown: null,
          appealableKind: p.appealableKind,
          ownTimescaleAgreed: p.ownTimescaleAgreed,
          now: clock.now(),
        }),
      )
    }
    const service = await serviceValues(tx)
    const { content, points } = finalContentOf({
      today: input.agreedOn,
      calendar: context.calendar,
      outcome: input.outcome,
      version: 2,
      case: {
        reference: caseRow.reference,
        childName: caseRow.childName,
        service: context.state.route ? routeLabels[context.state.route] : 'Mediation',
      },
      meeting: context.state.meetingDate ? { day: context.state.meetingDate } : undefined,
      record: undefined,
      parties,
      accepted: [],
      points: rows,
      notAgreed: input.notAgreed,
      checkInsAgreed: false,
      acceptanceNote: `Recorded by ${context.actor.label}: made and accepted by the parties at their meeting.`,
      provider: {
        name: service['service-name'] ?? 'Parley',
        phone: service['service-phone'] ?? '',
        email: service['service-email'] ?? '',
      },
    })
    for (const p of points)
      await placePoint(tx, p.id, { statutoryDueDate: p.statutoryDueDate, dueDate: p.dueDate, position: p.number })
    await finaliseAgreement(tx, agreement.id, {
      content,
      on: input.agreedOn,
      by: null,
      largePrint: false,
      version: content.version,
      now: clock.now(),
    })
    const icbNotice =
      input.outcome === 'none' ? undefined : icbNoticeOf(input.councilWasParty, input.agreedOn, context.calendar)
    const recorded: RecordedPoint[] = points.map((p, i) => ({
      id: p.id,
      number: p.number,
      item: planned[i]!.item,
      what: p.what,
      responsible: p.responsible,
      dueDate: p.dueDate,
      statutoryDueDate: p.statutoryDueDate,
      rule: p.rule,
    }))
    await appendEvent(tx, clock, {
      caseId,
      type: 'agreement-finalised',
      actor: context.actor,
      occurredOn: input.agreedOn,
      data: {
        agreementId: agreement.id,
        version: content.version,
        outcome: content.outcome,
        acceptanceNote: content.acceptanceNote,
        points: recorded.map(({ id, number, item, what, responsible, dueDate, rule }) => ({
          id,
          number,
          item,
          what,
          responsible,
          dueDate,
          rule,
        })),
        councilWasParty: input.councilWasParty,
        ...(icbNotice ? { icbNotice } : {}),
      },
    })
    return { agreementId: agreement.id, points: recorded, icbNotice }
  }

  return {
    /** Records the agreement, final, ending the mediation; refused (with the reason) when the case cannot take it now. */
    async record(
      caseId: string,
      input: RecordedAgreement,
      actor: Actor,
    ): Promise<
      Result<{ state: CaseState; warnings: string[]; points: RecordedPoint[]; icbNotice?: { dueDate: string } }>
    > {
      if (input.outcome === 'none' && input.items.length)
        return refuse('No agreement was reached, so there are no items: leave them out', 'items')
      if (input.outcome !== 'none' && !input.items.length)
        return refuse('Give the agreement’s items (at least one), or the outcome none', 'items')
      const calendar = await currentCalendar(db)
      let written: Awaited<ReturnType<typeof writeAgreement>> | undefined
      return refusalsAsResults(async () => {
        const result = await createWorkflowService({ db, clock }).apply(
          caseId,
          (state) => endingActions(state, input.outcome),
          {
            actor,
            occurredOn: input.agreedOn,
            alsoRecorded: [{ type: 'agreement-finalised', data: { outcome: input.outcome } }],
            beforeEvent: async (tx, { state }) => {
              written = await writeAgreement(tx, caseId, input, { state, actor, calendar })
            },
          },
        )
        if (!result.ok) return refuse(result.reason, undefined, result.code === 'not-found' ? 'not-found' : 'refused')
        return { ok: true, state: result.state, warnings: result.warnings, ...written! }
      })
    },
  }
}
