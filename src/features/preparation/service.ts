// Changes made while preparing every party for the meeting. Each one, in one transaction: lock
// the case, check the version the person saw (where a list is being rearranged) or that the same
// form has not already been saved, make the change, append its case event and bump the case's
// version.
import { and, eq, isNull, max, sql } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import {
  attendees,
  caseEvents,
  caseIssues,
  caseParties,
  cases,
  childViews,
  partyContacts,
  summaries,
} from '../../db/schema/index.ts'
import { appendEvent, type Actor } from '../cases/index.ts'
import { isPreparingParty, partyLabel, summariesReleased, type DocumentType } from './rules.ts'

export const staleMessage = 'Someone else changed this case while you were working on it. Check the case and try again.'

export type ChangeResult =
  { ok: true } | { ok: false; code: 'not-found' | 'stale' | 'invalid'; reason: string; field?: string }

interface ChangeOptions {
  actor: Actor & { userId: string }
  /** The case version the person saw: for changes to a list others may be changing too. */
  expectedVersion?: number
  /** The form's one-time key: the same form saved twice is saved once. */
  formKey?: string
}

type Work = (ctx: { tx: Tx; caseRow: typeof cases.$inferSelect }) => Promise<
  | {
      ok: true
      events: { type: string; data: Record<string, unknown>; occurredOn?: string }[]
      caseChanges?: Partial<typeof cases.$inferInsert>
    }
  | { ok: false; reason: string; field?: string }
>

export type PreparationService = ReturnType<typeof createPreparationService>

export function createPreparationService({ db, clock }: { db: Db; clock: Clock }) {
  function change(caseId: string, options: ChangeOptions, work: Work): Promise<ChangeResult> {
    return db.transaction(async (tx) => {
      const [caseRow] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update')
      if (!caseRow) return { ok: false, code: 'not-found', reason: 'There is no such case.' }
      if (options.expectedVersion !== undefined && options.expectedVersion !== caseRow.version) {
        return { ok: false, code: 'stale', reason: staleMessage }
      }
      if (options.formKey) {
        const [done] = await tx
          .select({ id: caseEvents.id })
          .from(caseEvents)
          .where(and(eq(caseEvents.caseId, caseId), sql`${caseEvents.data}->>'formKey' = ${options.formKey}`))
          .limit(1)
        if (done) return { ok: true }
      }
      const result = await work({ tx, caseRow })
      if (!result.ok) return { ok: false, code: 'invalid', reason: result.reason, field: result.field }
      if (!result.events.length && !result.caseChanges) return { ok: true } // nothing changed
      for (const event of result.events) {
        const data = options.formKey ? { ...event.data, formKey: options.formKey } : event.data
        await appendEvent(tx, clock, {
          caseId,
          type: event.type,
          actor: options.actor,
          occurredOn: event.occurredOn,
          data,
        })
      }
      await tx
        .update(cases)
        .set({ ...result.caseChanges, version: caseRow.version + 1, updatedAt: clock.now() })
        .where(eq(cases.id, caseId))
      return { ok: true }
    })
  }

  /** A party of this case who prepares for the meeting, or undefined. */
  async function partyOf(tx: Tx, caseId: string, partyId: string) {
    const [party] = await tx
      .select()
      .from(caseParties)
      .where(and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId)))
    return party && isPreparingParty(party) ? party : undefined
  }
  const choosePartyMessage = 'Select the party'

  return {
    addContact(
      caseId: string,
      input: { partyId: string; contactedOn: string; method: string; note: string },
      options: ChangeOptions,
    ) {
      return change(caseId, options, async ({ tx }) => {
        const party = await partyOf(tx, caseId, input.partyId)
        if (!party) return { ok: false, reason: choosePartyMessage, field: 'party' }
        if (input.contactedOn > clock.today())
          return { ok: false, reason: 'The date of the contact must be today or in the past', field: 'contactedOn-day' }
        const [row] = await tx
          .insert(partyContacts)
          .values({
            caseId,
            partyId: party.id,
            contactedOn: input.contactedOn,
            method: input.method,
            byUserId: options.actor.userId,
            note: input.note,
            createdAt: clock.now(),
          })
          .returning({ id: partyContacts.id })
        return {
          ok: true,
          events: [
            {
              type: 'party-contacted',
              occurredOn: input.contactedOn,
              data: { contactId: row!.id, partyId: party.id, party: partyLabel(party), method: input.method },
            },
          ],
        }
      })
    },

    addIssue(caseId: string, input: { partyId: string; text: string; area: string }, options: ChangeOptions) {
      return change(caseId, options, async ({ tx }) => {
        const party = await partyOf(tx, caseId, input.partyId)
        if (!party) return { ok: false, reason: choosePartyMessage, field: 'party' }
        const [{ last } = { last: 0 }] = await tx
          .select({ last: max(caseIssues.position) })
          .from(caseIssues)
          .where(eq(caseIssues.caseId, caseId))
        const [row] = await tx
          .insert(caseIssues)
          .values({
            caseId,
            partyId: party.id,
            text: input.text,
            area: input.area,
            position: (last ?? 0) + 1,
            createdAt: clock.now(),
          })
          .returning({ id: caseIssues.id })
        const events: { type: string; data: Record<string, unknown> }[] = [
          {
            type: 'issue-added',
            data: { issueId: row!.id, partyId: party.id, party: partyLabel(party), area: input.area },
          },
        ]
        if (input.area === 'health') {
          // A health issue brings in the health body (rules.md): recorded the first time one is raised.
          const [raised] = await tx
            .select({ id: caseEvents.id })
            .from(caseEvents)
            .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'health-issue-raised')))
            .limit(1)
          if (!raised) {
            const [health] = await tx
              .select({ id: caseParties.id })
              .from(caseParties)
              .where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, 'health')))
              .limit(1)
            events.push({
              type: 'health-issue-raised',
              data: { issueId: row!.id, party: partyLabel(party), healthBodyIsParty: !!health },
            })
          }
        }
        return { ok: true, events }
      })
    },

    /** Moves an agenda item (an issue not merged into another) one place up or down. */
    moveIssue(caseId: string, input: { issueId: string; direction: 'up' | 'down' }, options: ChangeOptions) {
      return change(caseId, options, async ({ tx }) => {
        const agenda = await tx
          .select()
          .from(caseIssues)
          .where(and(eq(caseIssues.caseId, caseId), isNull(caseIssues.mergedIntoId)))
          .orderBy(caseIssues.position, caseIssues.createdAt)
        const at = agenda.findIndex((i) => i.id === input.issueId)
        if (at < 0) return { ok: false, reason: 'Select an issue on the agenda', field: 'agenda' }
        const other = agenda[input.direction === 'up' ? at - 1 : at + 1]
        const issue = agenda[at]!
        if (!other) return { ok: true, events: [] } // already first (or last): nothing to do
        await tx
          .update(caseIssues)
          .set({ position: other.position, version: issue.version + 1 })
          .where(eq(caseIssues.id, issue.id))
        await tx
          .update(caseIssues)
          .set({ position: issue.position, version: other.version + 1 })
          .where(eq(caseIssues.id, other.id))
        return {
          ok: true,
          events: [
            {
              type: 'issue-moved',
              data: {
                issueId: issue.id,
                direction: input.direction,
                from: at + 1,
                to: input.direction === 'up' ? at : at + 2,
              },
            },
          ],
        }
      })
    },

    /** Merges one agenda item into another: it (and anything merged into it) is shown under that one. */
    mergeIssue(caseId: string, input: { issueId: string; intoId: string }, options: ChangeOptions) {
      return change(caseId, options, async ({ tx }) => {
        if (input.issueId === input.intoId)
          return { ok: false, reason: 'Select a different issue to merge it into', field: 'into' }
        const agenda = await tx
          .select()
          .from(caseIssues)
          .where(and(eq(caseIssues.caseId, caseId), isNull(caseIssues.mergedIntoId)))
        const issue = agenda.find((i) => i.id === input.issueId)
        const into = agenda.find((i) => i.id === input.intoId)
        if (!issue) return { ok: false, reason: 'Select the issue to merge', field: 'issue' }
        if (!into) return { ok: false, reason: 'Select the issue to merge it into', field: 'into' }
        await tx
          .update(caseIssues)
          .set({ mergedIntoId: into.id, version: sql`${caseIssues.version} + 1` })
          .where(and(eq(caseIssues.caseId, caseId), eq(caseIssues.mergedIntoId, issue.id)))
        await tx
          .update(caseIssues)
          .set({ mergedIntoId: into.id, version: issue.version + 1 })
          .where(eq(caseIssues.id, issue.id))
        return { ok: true, events: [{ type: 'issues-merged', data: { issueId: issue.id, intoId: into.id } }] }
      })
    },

    recordChildViews(
      caseId: string,
      input: { views: string; gatheredBy: string; gatheredOn: string; consentToShare: boolean; shareWith: string[] },
      options: ChangeOptions,
    ) {
      return change(caseId, options, async ({ tx }) => {
        if (input.gatheredOn > clock.today())
          return {
            ok: false,
            reason: 'The date their views were gathered must be today or in the past',
            field: 'gatheredOn-day',
          }
        const roles = new Set(
          (await tx.select({ role: caseParties.role }).from(caseParties).where(eq(caseParties.caseId, caseId))).map(
            (p) => p.role,
          ),
        )
        const shareWith = input.consentToShare ? input.shareWith.filter((r) => r !== 'referrer' && roles.has(r)) : []
        if (input.consentToShare && !shareWith.length)
          return { ok: false, reason: 'Select who they agreed can see their views', field: 'shareWith' }
        const [row] = await tx
          .insert(childViews)
          .values({
            caseId,
            views: input.views,
            gatheredBy: input.gatheredBy,
            gatheredOn: input.gatheredOn,
            consentToShare: input.consentToShare,
            shareWith,
            recordedBy: options.actor.userId,
            createdAt: clock.now(),
          })
          .returning({ id: childViews.id })
        // The views themselves stay out of the event: the timeline is read more widely than they may be.
        return {
          ok: true,
          events: [
            {
              type: 'child-views-recorded',
              occurredOn: input.gatheredOn,
              data: {
                childViewId: row!.id,
                gatheredBy: input.gatheredBy,
                consentToShare: input.consentToShare,
                shareWith,
              },
            },
          ],
        }
      })
    },

    addAttendee(
      caseId: string,
      input: { partyId: string; name: string; role: string; hasAuthorityToAgree: boolean; isSupporter: boolean },
      options: ChangeOptions,
    ) {
      return change(caseId, options, async ({ tx }) => {
        const party = await partyOf(tx, caseId, input.partyId)
        if (!party) return { ok: false, reason: choosePartyMessage, field: 'party' }
        const [row] = await tx
          .insert(attendees)
          .values({
            caseId,
            partyId: party.id,
            name: input.name,
            role: input.role,
            hasAuthorityToAgree: input.hasAuthorityToAgree,
            isSupporter: input.isSupporter,
            createdAt: clock.now(),
          })
          .returning({ id: attendees.id })
        return {
          ok: true,
          events: [
            {
              type: 'attendee-added',
              data: {
                attendeeId: row!.id,
                partyId: party.id,
                party: partyLabel(party),
                name: input.name,
                role: input.role,
                hasAuthorityToAgree: input.hasAuthorityToAgree,
                isSupporter: input.isSupporter,
              },
            },
          ],
        }
      })
    },

    submitSummary(
      caseId: string,
      input: { partyId: string; text?: string; file?: { name: string; type: DocumentType; bytes: Buffer } },
      options: ChangeOptions,
    ) {
      return change(caseId, options, async ({ tx, caseRow }) => {
        const party = await partyOf(tx, caseId, input.partyId)
        if (!party) return { ok: false, reason: choosePartyMessage, field: 'party' }
        if (summariesReleased(caseRow, clock.today())) {
          return {
            ok: false,
            reason:
              'The summaries have already been released to every party, so a summary cannot be added or changed now',
            field: 'release-state',
          }
        }
        const [row] = await tx
          .insert(summaries)
          .values({
            caseId,
            partyId: party.id,
            text: input.file ? null : (input.text ?? null),
            fileName: input.file?.name,
            fileType: input.file?.type,
            fileSize: input.file?.bytes.length,
            file: input.file?.bytes,
            submittedBy: options.actor.userId,
            submittedAt: clock.now(),
          })
          .returning({ id: summaries.id })
        return {
          ok: true,
          events: [
            {
              type: 'summary-submitted',
              data: {
                summaryId: row!.id,
                partyId: party.id,
                party: partyLabel(party),
                kind: input.file ? 'document' : 'typed',
                ...(input.file ? { fileType: input.file.type, fileSize: input.file.bytes.length } : {}),
              },
            },
          ],
        }
      })
    },

    /** Releases every party's summary at once; releasing again changes nothing. */
    releaseSummaries(caseId: string, options: ChangeOptions) {
      return change(caseId, options, async ({ tx, caseRow }) => {
        if (caseRow.summariesReleasedAt) return { ok: false, reason: 'The summaries have already been released' }
        const latest = new Set(
          (await tx.select({ partyId: summaries.partyId }).from(summaries).where(eq(summaries.caseId, caseId))).map(
            (s) => s.partyId,
          ),
        )
        return {
          ok: true,
          caseChanges: { summariesReleasedAt: clock.now() },
          events: [{ type: 'summaries-released', data: { partiesWithSummaries: latest.size } }],
        }
      })
    },

    setReleaseDate(caseId: string, releaseOn: string, options: ChangeOptions) {
      return change(caseId, options, async ({ caseRow }) => {
        if (caseRow.summariesReleasedAt)
          return { ok: false, reason: 'The summaries have already been released', field: 'releaseOn-day' }
        if (releaseOn < clock.today())
          return { ok: false, reason: 'The release date must be today or in the future', field: 'releaseOn-day' }
        return {
          ok: true,
          caseChanges: { summariesReleaseOn: releaseOn },
          events: [{ type: 'summaries-release-date-set', data: { releaseOn, before: caseRow.summariesReleaseOn } }],
        }
      })
    },
  }
}
