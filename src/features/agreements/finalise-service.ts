// Making the draft final: the words frozen, each point's due dates set, a copy (the PDF attached;
// large print for those who asked) queued to every party, and how the mediation ended recorded,
// which starts the certificate's clock in SEN mediation.
//
// Rendering a tagged PDF takes a while, so it never happens while rows are locked: the final words
// are worked out from the draft as read, the PDFs rendered from them, and only then does the
// transaction lock the case and the agreement, work the words out again from what it reads under
// the lock, and save and send them only if they are the words rendered. If anything changed in
// between (a party accepted online, say), it starts again; after a few tries it says so.
import { isDeepStrictEqual } from 'node:util'
import type { Db, Tx } from '../../db/client.ts'
import {
  finalContentOf,
  unresolvedIssues,
  wantsLargePrint,
  type AgreementContent,
} from '../../domain/agreement-content.ts'
import { icbNoticeOf } from '../../domain/agreement-items.ts'
import { concludedOutcome } from '../../domain/agreement-rules.ts'
import type { Calendar } from '../../domain/calendar.ts'
import { formatLongDate } from '../../domain/dates.ts'
import { templateNamed } from '../../domain/message-wording.ts'
import { refusalsAsResults, refuse, RefusalError, type Result } from '../../domain/result.ts'
import { refusalReason, routeLabels, stateFromEvents, type Action, type Route } from '../../domain/workflow.ts'
import { appendEvent, eventsOf, type Actor } from '../cases/index.ts'
import { queueForParty, serviceValues } from '../messages/index.ts'
import { currentCalendar } from '../settings/index.ts'
import { lockDraft, staleMessage, withWorkflow, type AgreementDeps } from './draft.ts'
import { finaliseAgreement, placePoint } from './draft-repository.ts'
import { agreementPdf } from './pdf.ts'
import {
  acceptancesOf,
  agendaOf,
  agreementWithPoints,
  caseRowOf,
  liveMeeting,
  mediationParties,
  meetingRecordOf,
} from './repository.ts'
import { agreementTemplates } from './templates.ts'

export interface FinaliseInput {
  agreementVersion: number
  noAgreement: boolean
  acceptanceNote: string | null
}

export type Finalised =
  | { alreadyFinal: true }
  | {
      alreadyFinal?: false
      outcome: AgreementContent['outcome']
      copies: number
      unreachable: string[]
      concluded: boolean
    }

/** The draft changed between working out its words and locking it: start again. */
class DraftChanged extends Error {}

const TRIES = 3

/**
 * Reads the draft and everything the final agreement says, checks that it may be made final now,
 * and works out its words. Refusals are thrown (RefusalError).
 */
async function planFinal(
  q: Db | Tx,
  caseId: string,
  input: FinaliseInput,
  context: { today: string; calendar: Calendar; route: Route | undefined },
) {
  const caseRow = await caseRowOf(q, caseId)
  if (!caseRow) throw new RefusalError('There is no such case.', undefined, 'not-found')
  if (caseRow.status === 'closed')
    throw new RefusalError('The case is closed: reopen it before changing the agreement.')
  const draft = await agreementWithPoints(q, caseId)
  if (draft?.status === 'final') return { alreadyFinal: true as const }
  // No draft yet is an empty one: the transaction makes it, at version 1.
  if ((draft?.version ?? 1) !== input.agreementVersion) throw new RefusalError(staleMessage, undefined, 'stale')
  const points = draft?.points ?? []
  if (!points.length && !input.noAgreement)
    throw new RefusalError('Add at least one point, or confirm that no agreement was reached', 'noAgreement')
  if (points.length && input.noAgreement)
    throw new RefusalError('The agreement has points: remove them, or untick "No agreement was reached"', 'noAgreement')
  const parties = await mediationParties(q, caseId)
  const accepted = draft ? await acceptancesOf(q, draft.id, draft.version) : []
  const missing = parties.filter((p) => !accepted.some((a) => a.partyId === p.id))
  if (missing.length && !input.acceptanceNote) {
    throw new RefusalError(
      `Record each party's acceptance, or say why the agreement is final without it (not recorded: ${missing.map((p) => p.label).join(', ')})`,
      'acceptanceNote',
    )
  }
  const meeting = await liveMeeting(q, caseId)
  const record = meeting ? await meetingRecordOf(q, meeting.id) : undefined
  const issueOutcomes = record?.issueOutcomes ?? {}
  const listed = draft?.notAgreed ?? []
  // Not agreed: as the parties listed it, or else the agenda issues the record says were not fully resolved.
  const notAgreed = listed.length
    ? listed
    : unresolvedIssues(await agendaOf(q, caseId), issueOutcomes).map((i) => i.text)
  const service = await serviceValues(q, caseId)
  const { content, points: finalPoints } = finalContentOf({
    today: context.today,
    calendar: context.calendar,
    outcome: concludedOutcome({
      points: points.length,
      notAgreed: listed.length,
      issueOutcomes: Object.values(issueOutcomes),
    }),
    version: (draft?.version ?? 1) + 1,
    case: {
      reference: caseRow.reference,
      childName: caseRow.childName,
      service: context.route ? routeLabels[context.route] : 'Mediation',
    },
    meeting,
    record,
    parties,
    accepted,
    points,
    notAgreed,
    checkInsAgreed: draft?.checkInsAgreed ?? false,
    acceptanceNote: input.acceptanceNote,
    provider: {
      name: service['service-name'] ?? 'Parley',
      phone: service['service-phone'] ?? '',
      email: service['service-email'] ?? '',
    },
  })
  return {
    alreadyFinal: false as const,
    caseRow,
    parties,
    service,
    content,
    points: finalPoints,
    largePrint: parties.some(wantsLargePrint),
  }
}

type Plan = Exclude<Awaited<ReturnType<typeof planFinal>>, { alreadyFinal: true }>

/** The PDFs every copy carries, as base64: the standard one, and large print when a party asked. */
async function renderCopies(plan: Pick<Plan, 'content' | 'largePrint'>) {
  const standard = (await agreementPdf(plan.content, { largePrint: false })).toString('base64')
  const large = plan.largePrint ? (await agreementPdf(plan.content, { largePrint: true })).toString('base64') : ''
  return { standard, large }
}

export function createFinaliseService(deps: AgreementDeps) {
  const { db, clock } = deps

  /** One try: plan and render outside any transaction, then save under the lock if nothing changed. */
  async function attempt(
    caseId: string,
    input: FinaliseInput,
    actor: Actor & { userId: string },
    calendar: Calendar,
  ): Promise<Result<Finalised>> {
    const today = clock.today()
    const state = stateFromEvents(await eventsOf(db, caseId))
    const planned = await planFinal(db, caseId, input, { today, calendar, route: state.route })
    if (planned.alreadyFinal) return { ok: true, alreadyFinal: true }
    const pdfs = await renderCopies(planned)
    let concluded = false
    let copies = 0
    const unreachable: string[] = []
    const saved = await withWorkflow(
      deps,
      caseId,
      actor,
      (state) => {
        if (state.outcome !== undefined) return []
        const conclude: Action = { type: 'conclude', outcome: planned.content.outcome }
        if (state.status === 'meeting-held') return ((concluded = true), [conclude])
        if (state.status === 'meeting-arranged' && refusalReason(state, 'hold-meeting') === undefined)
          return ((concluded = true), [{ type: 'hold-meeting' }, conclude])
        return []
      },
      async (tx, state) => {
        const { agreement: locked } = await lockDraft(tx, clock, caseId)
        const now = await planFinal(tx, caseId, input, { today, calendar, route: state.route })
        // Made final meanwhile, or changed since the PDFs were rendered: the next try says so, or renders again.
        if (
          now.alreadyFinal ||
          !isDeepStrictEqual([now.content, now.largePrint], [planned.content, planned.largePrint])
        )
          throw new DraftChanged()
        const { content, points, parties, caseRow, service } = now
        // Where the council was not a party, the health body must tell it of the agreement (reg 42).
        const councilWasParty = parties.some((p) => p.role === 'local-authority')
        const icbNotice = content.outcome === 'none' ? undefined : icbNoticeOf(councilWasParty, today, calendar)
        for (const p of points)
          await placePoint(tx, p.id, { statutoryDueDate: p.statutoryDueDate, dueDate: p.dueDate, position: p.number })
        await finaliseAgreement(tx, locked.id, {
          content,
          on: today,
          by: actor.userId,
          largePrint: now.largePrint,
          version: content.version,
          now: clock.now(),
        })
        await appendEvent(tx, clock, {
          caseId,
          type: 'agreement-finalised',
          actor,
          data: {
            agreementId: locked.id,
            version: content.version,
            outcome: content.outcome,
            acceptanceNote: content.acceptanceNote,
            points: points.map((p) => ({
              id: p.id,
              number: p.number,
              what: p.what,
              responsible: p.responsible,
              dueDate: p.dueDate,
              rule: p.rule,
            })),
            councilWasParty,
            ...(icbNotice ? { icbNotice } : {}),
          },
        })
        // A copy to every party, by the way each prefers.
        const file = `${content.caseReference}-agreement`
        const firstDue = [...points].sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0]
        for (const party of parties) {
          const large = wantsLargePrint(party)
          const row = await queueForParty(tx, clock, party.id, {
            caseId,
            template: templateNamed(agreementTemplates, 'agreement-copy'),
            values: {
              ...service,
              name: party.name || party.label,
              child: caseRow.childName,
              reference: caseRow.reference,
              'made-on': formatLongDate(today),
              'points-count': String(points.length),
              'first-due': firstDue
                ? `The first point is due on ${formatLongDate(firstDue.dueDate)}.`
                : 'No agreement was reached, so nothing falls due.',
            },
            attachments: [
              large
                ? { filename: `${file}-large-print.pdf`, contentType: 'application/pdf', content: pdfs.large }
                : { filename: `${file}.pdf`, contentType: 'application/pdf', content: pdfs.standard },
            ],
            dedupeKey: `agreement-copy:${locked.id}:${content.version}:${party.id}`,
            createdBy: actor.userId,
          })
          if (row) copies++
          else unreachable.push(party.label)
        }
      },
      undefined,
      // The agreement is checked for its order too: never before its meeting (domain/event-order.ts).
      [{ type: 'agreement-finalised', data: { outcome: planned.content.outcome } }],
    )
    if (!saved.ok) return saved
    return { ok: true, outcome: planned.content.outcome, copies, unreachable, concluded }
  }

  return {
    async finalise(
      caseId: string,
      input: FinaliseInput,
      options: { actor: Actor & { userId: string } },
    ): Promise<Result<Finalised>> {
      const calendar = await currentCalendar(db)
      for (let tries = 1; ; tries++) {
        try {
          return await refusalsAsResults(() => attempt(caseId, input, options.actor, calendar))
        } catch (e) {
          if (!(e instanceof DraftChanged)) throw e
          if (tries === TRIES) return refuse(staleMessage, undefined, 'stale')
        }
      }
    },
  }
}
