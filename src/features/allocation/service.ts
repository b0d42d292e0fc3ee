// Allocating a mediator to a case: the ranked panel (domain/allocation.ts), the choice and its
// reasons recorded with the workflow's 'allocate-mediator' event in one transaction, telling each
// party who the mediator is, and objections (an upheld one ends the allocation and opens it again).
import { and, asc, desc, eq, gte, inArray, isNull, lt, max, sql } from 'drizzle-orm'
import { isoDateInLondon, type Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import {
  allocationObjections,
  allocations,
  caseParties,
  cases,
  localAuthorities,
  mediators,
  users,
} from '../../db/schema/index.ts'
import {
  likelyWindow,
  rankMediators,
  ROTATION_DAYS,
  type CaseNeeds,
  type OrganisationKind,
  type RankedMediator,
} from '../../domain/allocation.ts'
import type { RequestFacts } from '../../domain/request.ts'
import { refusalReason, stateFromEvents } from '../../domain/workflow.ts'
import { listMediatorsForAllocation, type MediatorForAllocation } from '../mediators/index.ts'
import {
  eventsOf,
  refreshDeadlineIndex,
  appendEvent,
  type Actor,
  type CaseRow,
  createWorkflowService,
  type WorkflowResult,
} from '../cases/index.ts'

export type Candidate = MediatorForAllocation & { allocatedOn: string[] }
export type Ranked = RankedMediator<Candidate>

export type Result = { ok: true } | { ok: false; code: 'not-found' | 'refused' | 'stale'; reason: string }

/** Thrown inside a transaction to undo it and refuse, saying why. */
class Refused extends Error {}

const stale = {
  ok: false,
  code: 'stale',
  reason: 'Someone else changed this case while you were working on it. Check the case and try again.',
} as const

/** The note recorded with the update that tells a party who the mediator is (and how the page knows they were told). */
export const toldNote = (mediatorName: string) => `Told them the mediator is ${mediatorName}.`

const partyKinds: Record<string, OrganisationKind> = {
  'local-authority': 'local-authority',
  'social-care': 'local-authority',
  school: 'school',
  health: 'health',
}

export function createAllocationService({ db, clock }: { db: Db; clock: Clock }) {
  async function currentAllocation(q: Db | Tx, caseId: string) {
    const [row] = await q
      .select({
        allocation: allocations,
        mediatorName: mediators.name,
        mediatorEmail: mediators.email,
        mediatorPhone: mediators.phone,
        allocatedByName: users.name,
      })
      .from(allocations)
      .innerJoin(mediators, eq(mediators.id, allocations.mediatorId))
      .innerJoin(users, eq(users.id, allocations.allocatedBy))
      .where(and(eq(allocations.caseId, caseId), isNull(allocations.endedAt)))
      .orderBy(desc(allocations.allocatedAt))
      .limit(1)
    return row
      ? {
          ...row.allocation,
          reasons: row.allocation.reasons as AllocationReasons,
          mediatorName: row.mediatorName,
          mediatorEmail: row.mediatorEmail,
          mediatorPhone: row.mediatorPhone,
          allocatedByName: row.allocatedByName,
        }
      : undefined
  }

  /** What the case needs from its mediator: who is in it, the language, the likely dates. */
  async function caseNeeds(caseRow: CaseRow): Promise<CaseNeeds> {
    const today = clock.today()
    const [la] = caseRow.localAuthorityId
      ? await db
          .select({ id: localAuthorities.id, code: localAuthorities.code, name: localAuthorities.name })
          .from(localAuthorities)
          .where(eq(localAuthorities.id, caseRow.localAuthorityId))
      : []
    const parties = await db.select().from(caseParties).where(eq(caseParties.caseId, caseRow.id))
    const organisations: CaseNeeds['organisations'] = []
    for (const p of parties) {
      const kind = partyKinds[p.role]
      const name = (p.organisation || p.name).trim()
      if (kind && name) organisations.push({ kind, name })
    }
    const facts = caseRow.request as RequestFacts
    if (facts.child?.setting?.trim()) organisations.push({ kind: 'school', name: facts.child.setting.trim() })

    const languages = new Set<string>()
    for (const adjustments of [
      facts.adjustments,
      ...parties.map((p) => p.adjustments as RequestFacts['adjustments'] | undefined),
    ]) {
      const kinds = adjustments?.kinds ?? []
      if (kinds.includes('bsl')) languages.add('BSL')
      if (kinds.includes('interpreter') && adjustments?.language?.trim()) languages.add(adjustments.language.trim())
    }

    const deadlines = await createWorkflowService({ db, clock }).deadlinesOf(caseRow.id)
    const held = deadlines.find((d) => d.name === 'mediation-held' && d.urgency !== 'met' && d.urgency !== 'stopped')

    const upheld = await db
      .selectDistinct({ mediatorId: allocations.mediatorId })
      .from(allocations)
      .where(and(eq(allocations.caseId, caseRow.id), eq(allocations.endedBecause, 'objection-upheld')))
    return {
      localAuthority: la ?? null,
      organisations,
      languages: [...languages],
      window: likelyWindow(today, held?.dueDate),
      excluded: upheld.map((u) => ({
        mediatorId: u.mediatorId,
        reason: "A party's objection to them on this case was upheld",
      })),
    }
  }

  /** The dates each mediator was allocated cases in the rotation period, and their latest (once). */
  async function allocationDates(ids: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>()
    if (ids.length === 0) return out
    const since = new Date(clock.now().getTime() - (ROTATION_DAYS + 1) * 24 * 60 * 60 * 1000)
    const recent = await db
      .select({ mediatorId: allocations.mediatorId, at: allocations.allocatedAt })
      .from(allocations)
      .where(and(inArray(allocations.mediatorId, ids), gte(allocations.allocatedAt, since)))
    for (const r of recent) out.set(r.mediatorId, [...(out.get(r.mediatorId) ?? []), isoDateInLondon(r.at)])
    const latest = await db
      .select({ mediatorId: allocations.mediatorId, at: max(allocations.allocatedAt) })
      .from(allocations)
      .where(and(inArray(allocations.mediatorId, ids), lt(allocations.allocatedAt, since)))
      .groupBy(allocations.mediatorId)
    for (const r of latest) {
      if (r.at && !out.has(r.mediatorId)) out.set(r.mediatorId, [isoDateInLondon(new Date(r.at))])
    }
    return out
  }

  async function ranking(caseRow: CaseRow): Promise<{ ranked: Ranked[]; needs: CaseNeeds }> {
    const [panel, needs] = await Promise.all([listMediatorsForAllocation(db), caseNeeds(caseRow)])
    const dates = await allocationDates(panel.map((m) => m.id))
    const candidates: Candidate[] = panel.map((m) => ({ ...m, allocatedOn: dates.get(m.id) ?? [] }))
    return { ranked: rankMediators(candidates, needs, clock.today()), needs }
  }

  /** Runs a change to the case that is not a workflow step: lock, version check, the work, its event, a new version. */
  async function changeCase(
    caseId: string,
    options: { actor: Actor; expectedVersion: number },
    work: (tx: Tx) => Promise<{ type: string; data: Record<string, unknown> } | { refused: string }>,
  ): Promise<Result> {
    return db.transaction(async (tx) => {
      const [caseRow] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update')
      if (!caseRow) return { ok: false, code: 'not-found', reason: 'There is no such case.' }
      if (caseRow.version !== options.expectedVersion) return stale
      const outcome = await work(tx)
      if ('refused' in outcome) throw new Refused(outcome.refused) // undoes whatever the work did
      const event = outcome
      await appendEvent(tx, clock, { caseId, type: event.type, actor: options.actor, data: event.data })
      await tx
        .update(cases)
        .set({ version: caseRow.version + 1, updatedAt: clock.now() })
        .where(eq(cases.id, caseId))
      await refreshDeadlineIndex(tx, clock, caseId)
      return { ok: true } as const
    })
  }

  /** changeCase, with a refusal from the work reported rather than thrown. */
  async function changeCaseOrRefuse(...args: Parameters<typeof changeCase>): Promise<Result> {
    try {
      return await changeCase(...args)
    } catch (error) {
      if (error instanceof Refused) return { ok: false, code: 'refused', reason: error.message }
      throw error
    }
  }

  return {
    currentAllocation: (caseId: string) => currentAllocation(db, caseId),
    ranking,

    /** Earlier allocations of this case, newest first, with why they ended. */
    async pastAllocations(caseId: string) {
      return db
        .select({
          id: allocations.id,
          mediatorName: mediators.name,
          allocatedAt: allocations.allocatedAt,
          endedAt: allocations.endedAt,
          endedBecause: allocations.endedBecause,
        })
        .from(allocations)
        .innerJoin(mediators, eq(mediators.id, allocations.mediatorId))
        .where(and(eq(allocations.caseId, caseId), sql`${allocations.endedAt} is not null`))
        .orderBy(desc(allocations.allocatedAt))
    },

    async objectionsOf(allocationId: string) {
      const decider = sql<string | null>`(select name from users u where u.id = ${allocationObjections.decidedBy})`
      return db
        .select({
          objection: allocationObjections,
          partyName: caseParties.name,
          partyOrganisation: caseParties.organisation,
          partyRole: caseParties.role,
          decidedByName: decider,
        })
        .from(allocationObjections)
        .innerJoin(caseParties, eq(caseParties.id, allocationObjections.partyId))
        .where(eq(allocationObjections.allocationId, allocationId))
        .orderBy(asc(allocationObjections.raisedOn), asc(allocationObjections.id))
    },

    async findObjection(caseId: string, objectionId: string) {
      const [row] = await db
        .select({
          objection: allocationObjections,
          partyName: caseParties.name,
          partyOrganisation: caseParties.organisation,
        })
        .from(allocationObjections)
        .innerJoin(allocations, eq(allocations.id, allocationObjections.allocationId))
        .innerJoin(caseParties, eq(caseParties.id, allocationObjections.partyId))
        .where(and(eq(allocationObjections.id, objectionId), eq(allocations.caseId, caseId)))
      return row
    },

    /** The parties told who the current mediator is (an update recorded with the note, since the allocation). */
    async toldParties(
      caseId: string,
      allocation: { allocatedAt: Date; mediatorName: string },
    ): Promise<Map<string, Date>> {
      const rows = await db.execute<{ party_id: string; recorded_at: string }>(sql`
        select data->>'partyId' as party_id, max(recorded_at) as recorded_at from case_events
        where case_id = ${caseId} and type = 'update-sent' and recorded_at >= ${allocation.allocatedAt.toISOString()}
          and starts_with(data->>'note', ${toldNote(allocation.mediatorName)})
        group by data->>'partyId'`)
      return new Map(rows.rows.map((r) => [r.party_id, new Date(r.recorded_at)]))
    },

    /** Allocates a mediator from the ranked panel: refused if the case cannot take one now or they are not eligible. */
    async allocate(
      caseRow: CaseRow,
      input: { mediatorId: string; note: string; expectedVersion: number; actor: Actor & { userId: string } },
    ): Promise<Result> {
      const state = stateFromEvents(await eventsOf(db, caseRow.id))
      const notNow = refusalReason(state, 'allocate-mediator')
      if (notNow) return { ok: false, code: 'refused', reason: notNow }
      const current = await currentAllocation(db, caseRow.id)
      if (current) {
        return {
          ok: false,
          code: 'refused',
          reason: `${current.mediatorName} is already the mediator. A party's objection must be upheld before another mediator can be allocated.`,
        }
      }
      const { ranked } = await ranking(caseRow)
      const choice = ranked.find((r) => r.mediator.id === input.mediatorId)
      if (!choice) return { ok: false, code: 'not-found', reason: 'There is no such mediator on the panel.' }
      if (!choice.eligible) {
        const why = choice.reasons.filter((r) => r.tone === 'bad').map((r) => r.text)
        return {
          ok: false,
          code: 'refused',
          reason: `${choice.mediator.name} cannot be allocated to this case: ${why.join('; ')}.`,
        }
      }
      const snapshot: AllocationReasons = {
        rank: choice.rank,
        of: ranked.length,
        score: choice.score,
        reasons: choice.reasons,
        window: (await caseNeeds(caseRow)).window,
      }
      try {
        const result: WorkflowResult = await createWorkflowService({ db, clock }).apply(
          caseRow.id,
          { type: 'allocate-mediator', mediator: choice.mediator.name, mediatorId: choice.mediator.id },
          {
            actor: input.actor,
            expectedVersion: input.expectedVersion,
            beforeEvent: async (tx) => {
              // The case is locked: nobody else can allocate in between.
              if (await currentAllocation(tx, caseRow.id))
                throw new Refused('Another mediator was allocated in the meantime. Check the case and try again.')
              await tx.insert(allocations).values({
                caseId: caseRow.id,
                mediatorId: choice.mediator.id,
                allocatedBy: input.actor.userId,
                allocatedAt: clock.now(),
                reasons: snapshot,
                note: input.note,
              })
            },
          },
        )
        if (result.ok) return { ok: true }
        return { ok: false, code: result.code === 'invalid' ? 'refused' : result.code, reason: result.reason }
      } catch (error) {
        if (error instanceof Refused) return { ok: false, code: 'refused', reason: error.message }
        throw error
      }
    },

    /** Records that a party was told who the mediator is: an update (restarting their update clock) naming the mediator. */
    async recordTold(
      caseId: string,
      input: {
        allocationId: string
        partyId: string
        channel: string
        note: string
        expectedVersion: number
        actor: Actor
      },
    ): Promise<Result> {
      const current = await currentAllocation(db, caseId)
      if (!current || current.id !== input.allocationId)
        return {
          ok: false,
          code: 'refused',
          reason: 'The mediator for this case has changed. Check the case and try again.',
        }
      const note = [toldNote(current.mediatorName), input.note].filter(Boolean).join(' ')
      try {
        const result = await createWorkflowService({ db, clock }).recordUpdate(
          caseId,
          { partyId: input.partyId, channel: input.channel, note },
          {
            actor: input.actor,
            expectedVersion: input.expectedVersion,
            beforeEvent: async (tx) => {
              const still = await currentAllocation(tx, caseId)
              if (still?.id !== input.allocationId)
                throw new Refused('The mediator for this case has changed. Check the case and try again.')
            },
          },
        )
        if (result.ok) return { ok: true }
        return { ok: false, code: result.code === 'invalid' ? 'refused' : result.code, reason: result.reason }
      } catch (error) {
        if (error instanceof Refused) return { ok: false, code: 'refused', reason: error.message }
        throw error
      }
    },

    /** A party objects to the mediator, with a reason: recorded for a coordinator to decide. */
    async raiseObjection(
      caseId: string,
      input: { allocationId: string; partyId: string; reason: string; expectedVersion: number; actor: Actor },
    ): Promise<Result> {
      return changeCaseOrRefuse(caseId, input, async (tx) => {
        const current = await currentAllocation(tx, caseId)
        if (!current || current.id !== input.allocationId)
          return { refused: 'The mediator for this case has changed. Check the case and try again.' }
        const [party] = await tx
          .select()
          .from(caseParties)
          .where(and(eq(caseParties.id, input.partyId), eq(caseParties.caseId, caseId)))
        if (!party) return { refused: 'Choose a person in this case.' }
        const [row] = await tx
          .insert(allocationObjections)
          .values({ allocationId: current.id, partyId: party.id, reason: input.reason, raisedOn: clock.today() })
          .returning({ id: allocationObjections.id })
        return {
          type: 'mediator-objection',
          data: {
            objectionId: row!.id,
            allocationId: current.id,
            mediator: current.mediatorName,
            partyId: party.id,
            partyName: party.name || party.organisation || '',
            reason: input.reason,
          },
        }
      })
    },

    /** A coordinator decides an objection: upheld ends the allocation (allocation opens again); dismissed keeps it. */
    async decideObjection(
      caseId: string,
      objectionId: string,
      input: {
        decision: 'upheld' | 'dismissed'
        reason: string
        expectedVersion: number
        actor: Actor & { userId: string }
      },
    ): Promise<Result> {
      return changeCaseOrRefuse(caseId, input, async (tx) => {
        const current = await currentAllocation(tx, caseId)
        const [objection] = await tx.select().from(allocationObjections).where(eq(allocationObjections.id, objectionId))
        if (!objection || !current || objection.allocationId !== current.id)
          return {
            refused: 'That objection is about a mediator who is no longer allocated: there is nothing to decide.',
          }
        if (objection.decision) return { refused: 'That objection has already been decided.' }
        const [party] = await tx.select().from(caseParties).where(eq(caseParties.id, objection.partyId))
        await tx
          .update(allocationObjections)
          .set({
            decision: input.decision,
            decisionReason: input.reason,
            decidedBy: input.actor.userId,
            decidedAt: clock.now(),
          })
          .where(eq(allocationObjections.id, objectionId))
        if (input.decision === 'upheld') {
          await tx
            .update(allocations)
            .set({ endedAt: clock.now(), endedBecause: 'objection-upheld' })
            .where(eq(allocations.id, current.id))
        }
        return {
          type: input.decision === 'upheld' ? 'mediator-objection-upheld' : 'mediator-objection-dismissed',
          data: {
            objectionId,
            allocationId: current.id,
            mediator: current.mediatorName,
            partyName: party?.name || party?.organisation || '',
            reason: input.reason,
            ...(input.decision === 'upheld' ? { allocationEnded: true } : {}),
          },
        }
      })
    },
  }
}

export type AllocationService = ReturnType<typeof createAllocationService>

/** What allocations.reasons keeps: the ranking as the coordinator saw it. */
export interface AllocationReasons {
  rank: number
  of: number
  score: number
  reasons: { tone: 'good' | 'bad' | 'note'; text: string }[]
  window: { from: string; to: string }
}
