// The facts a report counts about meetings, outcomes, agreement points and feedback, grouped, for
// the councils asked for, each by its own date. The feedback comments are free text: they are read
// only for the provider's staff, never kept with a report run and never given to a council.
import { and, between, count, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import {
  agreementPoints,
  agreements,
  caseOutcomes,
  cases,
  meetings,
  partyFeedback,
  venues,
} from '../../db/schema/index.ts'
import { addDays } from '../../domain/dates.ts'
import type { MeetingFact, ReportFacts } from '../../domain/report-facts.ts'
import { ofCouncils, type FactQuery } from './case-facts-repository.ts'

/** A moment in the period, by the days in England: from the first day's midnight to the day after the last. */
function onDays(column: typeof caseOutcomes.recordedAt | typeof partyFeedback.submittedAt, q: FactQuery): SQL {
  const start = sql`(${q.from}::date::timestamp at time zone 'Europe/London')`
  const end = sql`(${addDays(q.to, 1)}::date::timestamp at time zone 'Europe/London')`
  return sql`${column} >= ${start} and ${column} < ${end}`
}

/**
 * Meetings held in the period, by their day: booked and not cancelled, on a case that records the
 * meeting as held; where (the venue), online or not, and whether anyone at it sent feedback.
 */
export async function meetingFacts(db: Db, q: FactQuery): Promise<MeetingFact[]> {
  const online = sql<boolean>`coalesce(${venues.kind} = 'online', ${meetings.onlineLink} is not null)`
  const withFeedback = sql<boolean>`exists (select 1 from party_feedback f
    where f.case_id = ${meetings.caseId} and f.kind = 'feedback')`
  const rows = await db
    .select({ place: venues.name, online, withFeedback, n: count() })
    .from(meetings)
    .innerJoin(cases, eq(cases.id, meetings.caseId))
    .leftJoin(venues, eq(venues.id, meetings.venueId))
    .where(
      and(
        ofCouncils(q.councils),
        between(meetings.day, q.from, q.to),
        isNull(meetings.cancelledAt),
        sql`exists (select 1 from case_events e where e.case_id = ${meetings.caseId} and e.type = 'meeting-held')`,
      ),
    )
    .groupBy(venues.name, online, withFeedback)
  return rows.map((r) => ({ ...r, online: Boolean(r.online), withFeedback: Boolean(r.withFeedback) }))
}

/** Outcomes recorded in the period (case_outcomes.recorded_at, by the day in England). */
export async function outcomeFacts(db: Db, q: FactQuery): Promise<ReportFacts['outcomes']> {
  return db
    .select({ outcome: caseOutcomes.outcome, n: count() })
    .from(caseOutcomes)
    .innerJoin(cases, eq(cases.id, caseOutcomes.caseId))
    .where(and(ofCouncils(q.councils), onDays(caseOutcomes.recordedAt, q)))
    .groupBy(caseOutcomes.outcome)
}

/**
 * Points of final agreements due in the period, by their due date; a point with no due date by
 * the day its agreement was made final. As last followed up: open, kept, late or not kept.
 */
export async function pointFacts(db: Db, q: FactQuery): Promise<ReportFacts['points']> {
  const read = (when: SQL) =>
    db
      .select({ followUp: agreementPoints.followUp, n: count() })
      .from(agreementPoints)
      .innerJoin(agreements, eq(agreements.id, agreementPoints.agreementId))
      .innerJoin(cases, eq(cases.id, agreementPoints.caseId))
      .where(and(ofCouncils(q.councils), eq(agreements.status, 'final'), when))
      .groupBy(agreementPoints.followUp)
  const [dated, undated] = await Promise.all([
    read(between(agreementPoints.dueDate, q.from, q.to)),
    read(and(isNull(agreementPoints.dueDate), between(agreements.finalisedOn, q.from, q.to))!),
  ])
  const byState = new Map<string, number>()
  for (const r of [...dated, ...undated]) byState.set(r.followUp, (byState.get(r.followUp) ?? 0) + r.n)
  return [...byState].map(([followUp, n]) => ({ followUp, n }))
}

/** An answer of the form; its key in the SQL itself, so that the GROUP BY matches the SELECT. */
const answer = (name: 'satisfaction' | 'heard' | 'comment') =>
  sql<string>`${partyFeedback.answers}->>${sql.raw(`'${name}'`)}`

/** Feedback forms sent in the period (party_feedback.submitted_at, by the day in England): their answers. */
export async function feedbackFacts(db: Db, q: FactQuery): Promise<ReportFacts['feedback']> {
  const satisfaction = answer('satisfaction')
  const heard = answer('heard')
  return db
    .select({ satisfaction, heard, n: count() })
    .from(partyFeedback)
    .innerJoin(cases, eq(cases.id, partyFeedback.caseId))
    .where(and(ofCouncils(q.councils), eq(partyFeedback.kind, 'feedback'), onDays(partyFeedback.submittedAt, q)))
    .groupBy(satisfaction, heard)
}

/** For the provider's staff only: the newest comments of feedback sent in the period, and how many there are. */
export async function feedbackComments(db: Db, q: FactQuery, limit: number) {
  const comment = answer('comment')
  const where = and(
    ofCouncils(q.councils),
    eq(partyFeedback.kind, 'feedback'),
    onDays(partyFeedback.submittedAt, q),
    ne(sql`trim(coalesce(${comment}, ''))`, ''),
  )
  const [rows, [total]] = await Promise.all([
    db
      .select({ comment, submittedAt: partyFeedback.submittedAt })
      .from(partyFeedback)
      .innerJoin(cases, eq(cases.id, partyFeedback.caseId))
      .where(where)
      .orderBy(desc(partyFeedback.submittedAt), desc(partyFeedback.id))
      .limit(limit),
    db.select({ n: count() }).from(partyFeedback).innerJoin(cases, eq(cases.id, partyFeedback.caseId)).where(where),
  ])
  return { comments: rows, total: total?.n ?? 0 }
}
