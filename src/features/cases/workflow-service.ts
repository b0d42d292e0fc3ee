// Moves a case through its workflow. Each change, in one transaction: lock the case, fold its
// events into the current state, check the action (domain/workflow.ts), append the event, update
// the derived status, and recompute the deadline index.
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import type { cases } from '../../db/schema/index.ts'
import { certificateContentSchema } from '../../domain/certificate.ts'
import { checkEventOrder } from '../../domain/event-order.ts'
import { refuse, type Result } from '../../domain/result.ts'
import { stateFromEvents, transition, type Action, type CaseState } from '../../domain/workflow.ts'
import { certificateContent } from '../certificates/index.ts'
import { computeDeadlines } from '../../domain/clocks.ts'
import { currentCalendar, readSettings } from '../settings/index.ts'
import { caseSnapshot, deadlinesOf, eventsOf, refreshDeadlineIndex } from './deadline-index.ts'
import { appendEvent, type Actor } from './events.ts'
import { staleMessage } from './labels.ts'
import { authorityOf, certificatesIssued, insertCertificate } from './certificate-repository.ts'
import { lockCase, partyOfCase, updateCase } from './repository.ts'
import { meetingContactRefusal } from '../preparation/index.ts'

/** Facts that start or stop a clock without moving the case along (the API records them too). */
export const FACT_EVENT_TYPES = [
  'decision-letter-sent',
  'adviser-contacted',
  'health-body-notified',
  'meeting-notice-sent',
  // An appeal to the SEND Tribunal known to have followed (reports count them).
  'appeal-made',
  // The health body told the council of an agreement it was not a party to (reg 42).
  'council-told-of-agreement',
] as const
export type FactEventType = (typeof FACT_EVENT_TYPES)[number]

export type WorkflowResult =
  | {
      ok: true
      state: CaseState
      eventId: number
      /** Dates in an unusual but possible order (domain/event-order.ts): recorded, but worth checking. */
      warnings: string[]
    }
  | { ok: false; code: 'not-found' | 'refused' | 'stale' | 'invalid'; reason: string }

/**
 * A workflow answer as the shared Result (src/domain/result.ts), for pages that use it: a date in
 * the future is a refusal of the date it happened (occurredOn).
 */
export function workflowAnswer(result: WorkflowResult): Result {
  if (result.ok) return { ok: true }
  if (result.code === 'invalid') return refuse(result.reason, 'occurredOn')
  return refuse(result.reason, undefined, result.code)
}

export interface ChangeOptions {
  actor: Actor
  /** The day it happened; today unless given. Never in the future. */
  occurredOn?: string
  /** The case version the person saw: a change made by someone else since is refused. */
  expectedVersion?: number
  /**
   * More work in the same transaction, once the change is allowed and before its events are
   * appended (for example the allocations row behind 'allocate-mediator'). Throw to undo it all.
   */
  beforeEvent?: (tx: Tx, context: { state: CaseState; caseRow: typeof cases.$inferSelect }) => Promise<void>
  /** Events beforeEvent appends on the same day (an agreement, say), checked for their order with the rest. */
  alsoRecorded?: { type: string; data?: Record<string, unknown> }[]
  /**
   * The change reports what happened outside Parley (a council's system, through the API): the
   * service's own step before a meeting (the mediator's contact with every party) is not asked for.
   */
  recordedElsewhere?: boolean
}

export function createWorkflowService({ db, clock }: { db: Db; clock: Clock }) {
  /** Runs a change with the case locked; `work` returns the event to append, or a refusal. */
  async function change(
    caseId: string,
    options: ChangeOptions,
    work: (ctx: {
      tx: Tx
      state: CaseState
      caseRow: typeof cases.$inferSelect
    }) => Promise<
      | { ok: true; events: { type: string; data: Record<string, unknown> }[]; state: CaseState }
      | { ok: false; reason: string }
    >,
  ): Promise<WorkflowResult> {
    const occurredOn = options.occurredOn ?? clock.today()
    if (occurredOn > clock.today())
      return { ok: false, code: 'invalid', reason: 'The date it happened cannot be in the future.' }
    return db.transaction(async (tx) => {
      const caseRow = await lockCase(tx, caseId)
      if (!caseRow) return { ok: false, code: 'not-found', reason: 'There is no such case.' }
      if (options.expectedVersion !== undefined && options.expectedVersion !== caseRow.version) {
        return { ok: false, code: 'stale', reason: staleMessage }
      }
      const events = await eventsOf(tx, caseId)
      const state = stateFromEvents(events)
      const result = await work({ tx, state, caseRow })
      if (!result.ok) return { ok: false, code: 'refused', reason: result.reason }
      // Dates in an impossible order are refused; unusual ones are recorded with a warning.
      const order = checkEventOrder(
        events.map((e) => ({ type: e.type, date: e.occurredOn, data: e.data })),
        [...result.events, ...(options.alsoRecorded ?? [])].map((e) => ({ ...e, date: occurredOn })),
        { receivedOn: caseRow.receivedOn },
      )
      if (!order.ok) return { ok: false, code: 'refused', reason: order.reason }
      if (options.beforeEvent) await options.beforeEvent(tx, { state, caseRow })
      let eventId = 0
      for (const event of result.events) {
        eventId = (
          await appendEvent(tx, clock, { caseId, type: event.type, actor: options.actor, occurredOn, data: event.data })
        ).id
      }
      await updateCase(tx, caseId, {
        status: result.state.status,
        ...(result.state.scope ? { scope: result.state.scope } : {}),
        version: caseRow.version + 1,
        updatedAt: clock.now(),
      })
      await refreshDeadlineIndex(tx, clock, caseId)
      return { ok: true, state: result.state, eventId, warnings: order.warnings }
    })
  }

  return {
    /** The case's current state and deadlines, from its events. */
    async snapshot(caseId: string) {
      const { state, deadlines, events } = await caseSnapshot(db, clock, caseId)
      return { state, deadlines, events }
    },

    deadlinesOf: (caseId: string) => deadlinesOf(db, clock, caseId),

    /**
     * Workflow actions (domain/workflow.ts), applied in order in one transaction; a function of
     * the current state may choose them. Refused, with the reason, when one is not allowed now.
     */
    apply(
      caseId: string,
      actions: Action | Action[] | ((state: CaseState) => Action[]),
      options: ChangeOptions,
    ): Promise<WorkflowResult> {
      return change(caseId, options, async ({ tx, state, caseRow }) => {
        const list = typeof actions === 'function' ? actions(state) : [actions].flat()
        const events: { type: string; data: Record<string, unknown> }[] = []
        let current = state
        for (const action of list) {
          const result = transition(current, action)
          if (!result.ok) return result
          // Every party (not whoever asked for the family) must have been contacted first.
          if (action.type === 'arrange-meeting' && !options.recordedElsewhere) {
            const reason = await meetingContactRefusal(tx, caseId)
            if (reason) return { ok: false, reason }
          }
          if (action.type === 'issue-certificate') {
            await recordCertificate(tx, caseRow, action.kind, options.occurredOn ?? clock.today(), options.actor.userId)
          }
          events.push(result.event)
          current = result.state
        }
        return { ok: true, events, state: current }
      })
    },

    /**
     * A statutory fact (a decision letter sent, the health body told, ...), allowed while the case is
     * open; an appeal usually follows the case's end, so it may be recorded on a closed case too.
     */
    recordFact(
      caseId: string,
      type: FactEventType,
      data: Record<string, unknown>,
      options: ChangeOptions,
    ): Promise<WorkflowResult> {
      return change(caseId, options, async ({ state }) =>
        state.status === 'closed' && type !== 'appeal-made'
          ? { ok: false, reason: 'The case is closed. Reopen it before recording anything new.' }
          : { ok: true, events: [{ type, data }], state },
      )
    },

    /** An update given to one person, by any channel: it restarts their update clock. */
    recordUpdate(
      caseId: string,
      update: { partyId: string; channel: string; note: string },
      options: ChangeOptions,
    ): Promise<WorkflowResult> {
      return change(caseId, options, async ({ tx, state }) => {
        const party = await partyOfCase(tx, caseId, update.partyId)
        if (!party) return { ok: false, reason: 'Choose a person in this case.' }
        return {
          ok: true,
          events: [
            {
              type: 'update-sent',
              data: { partyId: party.id, partyName: party.name, channel: update.channel, note: update.note },
            },
          ],
          state,
        }
      })
    },
  }

  async function recordCertificate(
    tx: Tx,
    caseRow: typeof cases.$inferSelect,
    kind: Parameters<typeof certificateContent>[0]['kind'],
    issuedOn: string,
    userId?: string,
  ) {
    const facts = caseRow.request
    const authority = await authorityOf(tx, caseRow.localAuthorityId)
    const n = await certificatesIssued(tx, caseRow.id)
    const youngPerson = facts.requester.role === 'young-person'
    // The appeal deadline this certificate starts, as the clocks see it once it is issued.
    const events = [
      ...(await eventsOf(tx, caseRow.id)),
      { type: 'certificate-issued', occurredOn: issuedOn, data: { kind } },
    ]
    const settings = await readSettings(tx as unknown as Db)
    const appeal = computeDeadlines(
      events.map((e) => ({ type: e.type, date: e.occurredOn, data: e.data })),
      {
        calendar: await currentCalendar(tx as unknown as Db),
        appealExclusion: settings.appealExclusion,
      },
    ).find((d) => d.name === 'appeal')
    const content = certificateContent({
      reference: caseRow.reference,
      sequence: n + 1,
      kind,
      issuedOn,
      facts,
      parentOrYoungPerson: youngPerson
        ? { name: facts.requester.name, role: 'young-person' }
        : {
            name:
              facts.requester.role === 'parent' ? facts.requester.name : (facts.parent?.name ?? 'The parent or carer'),
            role: 'parent',
          },
      localAuthority: authority?.name ?? 'The local authority',
      // The service as it runs for the case's council, with that council's heading and sign-off.
      provider: {
        name: authority?.serviceName ?? 'SEN mediation service',
        address: authority?.address ?? '',
        phone: authority?.phone ?? '',
        ...(authority?.letterHeading ? { heading: authority.letterHeading } : {}),
        ...(authority?.letterSignature ? { signature: authority.letterSignature } : {}),
      },
      ...(appeal ? { appealDeadline: { dueDate: appeal.dueDate, rule: appeal.rule } } : {}),
      // The record's own dates, which may have been put right since the request.
      recorded: {
        letterDate: events.filter((e) => e.type === 'decision-letter-sent').at(-1)?.occurredOn,
        adviserContactedOn: events.filter((e) => e.type === 'adviser-contacted').at(-1)?.occurredOn,
      },
    })
    await insertCertificate(tx, {
      caseId: caseRow.id,
      kind,
      issuedOn,
      issuedBy: userId,
      content: certificateContentSchema.parse(content),
      createdAt: clock.now(),
    })
  }
}

export type WorkflowService = ReturnType<typeof createWorkflowService>
