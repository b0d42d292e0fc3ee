// The facts a report counts about enquiries, certificates, SEN mediation held in time, appeals and
// people saying no: each query grouped (n cases share the facts of a row), for the councils asked
// for, by the date that figure counts by (src/domain/report-tables.ts says which). Never a name,
// a reference or free text.
import { and, between, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { caseEvents, cases, certificates } from '../../db/schema/index.ts'
import type { CertificateFact, DeclineFact, EnquiryFact, HeldFact } from '../../domain/report-facts.ts'
import type { Period } from '../../domain/report-period.ts'

/** The councils a report is for: these, or every council (an administrator's whole service). */
export type CouncilFilter = readonly string[] | 'all'

export interface FactQuery extends Period {
  councils: CouncilFilter
}

/** The councils condition on cases, in the repository as everywhere: never left to the caller. */
export function ofCouncils(councils: CouncilFilter): SQL {
  if (councils === 'all') return sql`true`
  return councils.length ? inArray(cases.localAuthorityId, [...councils]) : sql`false`
}

const requesterRole = sql<string>`${cases.request}->'requester'->>'role'`

/** Enquiries received in the period (cases.received_on): how, who, and what they became. */
export async function enquiryFacts(db: Db, q: FactQuery): Promise<EnquiryFact[]> {
  // Where an out-of-scope enquiry was signposted: its latest scope decision's agency.
  const rows = await db.execute<{
    channel: string
    role: string | null
    scope: string
    signposted_to: string | null
    n: number
  }>(sql`
    select cases.channel, cases.request->'requester'->>'role' as role, cases.scope,
      case when cases.scope = 'out-of-scope' then (
        select a.name from scope_decisions d join agencies a on a.id = d.signpost_agency_id
        where d.case_id = cases.id order by d.decided_at desc limit 1) end as signposted_to,
      count(*)::int as n
    from cases
    where ${ofCouncils(q.councils)} and cases.received_on between ${q.from} and ${q.to}
    group by 1, 2, 3, 4`)
  return rows.rows.map((r) => ({
    n: Number(r.n),
    channel: r.channel,
    requesterRole: r.role ?? 'other',
    scope: r.scope,
    signpostedTo: r.signposted_to,
  }))
}

/** The event that calls for each kind of certificate. */
const triggerOf = sql`case ${certificates.kind}
  when 'declined' then 'mediation-declined'
  when 'after-mediation' then 'mediation-concluded'
  when 'cannot-arrange' then 'cannot-arrange'
  else 'withdrawn' end`

/** Certificates issued in the period (certificates.issued_on), with the day of the event that called for each. */
export async function certificateFacts(db: Db, q: FactQuery): Promise<CertificateFact[]> {
  const startedOn = sql<string | null>`(select max(e.occurred_on)::text from case_events e
    where e.case_id = ${certificates.caseId} and e.type = ${triggerOf} and e.occurred_on <= ${certificates.issuedOn})`
  return db
    .select({ kind: certificates.kind, issuedOn: certificates.issuedOn, startedOn, n: count() })
    .from(certificates)
    .innerJoin(cases, eq(cases.id, certificates.caseId))
    .where(and(ofCouncils(q.councils), between(certificates.issuedOn, q.from, q.to)))
    .groupBy(certificates.kind, certificates.issuedOn, startedOn)
}

/**
 * SEN mediation held in the period: a case's first meeting-held event on a day in the period, on a
 * case where the parent or young person asked for mediation, with the day they asked and, for
 * health-only mediation, the day the health body was told.
 */
export async function heldFacts(db: Db, q: FactQuery): Promise<HeldFact[]> {
  const rows = await db.execute<{
    requested_on: string
    health_only: boolean
    health_told_on: string | null
    held_on: string
    n: number
  }>(sql`
    select r.occurred_on::text as requested_on, coalesce(r.data->>'healthOnly' = 'true', false) as health_only,
      (select min(h.occurred_on)::text from case_events h
        where h.case_id = e.case_id and h.type = 'health-body-notified' and h.occurred_on >= r.occurred_on) as health_told_on,
      e.occurred_on::text as held_on, count(*)::int as n
    from case_events e
    join cases on cases.id = e.case_id
    join lateral (select occurred_on, data from case_events r
      where r.case_id = e.case_id and r.type = 'mediation-requested' order by r.occurred_on, r.id limit 1) r on true
    where e.type = 'meeting-held' and e.occurred_on between ${q.from} and ${q.to} and ${ofCouncils(q.councils)}
      and not exists (select 1 from case_events f where f.case_id = e.case_id and f.type = 'meeting-held'
        and (f.occurred_on < e.occurred_on or (f.occurred_on = e.occurred_on and f.id < e.id)))
    group by 1, 2, 3, 4`)
  return rows.rows.map((r) => ({
    n: Number(r.n),
    requestedOn: r.requested_on,
    healthOnly: r.health_only,
    healthToldOn: r.health_told_on,
    heldOn: r.held_on,
  }))
}

/** Appeals made in the period (the appeal-made fact, by the day it happened). */
export async function appealCount(db: Db, q: FactQuery): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(
      and(ofCouncils(q.councils), eq(caseEvents.type, 'appeal-made'), between(caseEvents.occurredOn, q.from, q.to)),
    )
  return row?.n ?? 0
}

/** Mediation declined, a party not willing (or not answering), a withdrawal: by the day each happened. */
export async function declineFacts(db: Db, q: FactQuery): Promise<DeclineFact[]> {
  // Keys written into the SQL (not as parameters), so that the GROUP BY matches the SELECT.
  const field = (name: 'party' | 'answer' | 'by' | 'from') =>
    sql<string | null>`${caseEvents.data}->>${sql.raw(`'${name}'`)}`
  const [party, answer, by, from] = [field('party'), field('answer'), field('by'), field('from')]
  const rows = await db
    .select({ type: caseEvents.type, requesterRole, party, answer, by, from, n: count() })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(
      and(
        ofCouncils(q.councils),
        between(caseEvents.occurredOn, q.from, q.to),
        or(
          inArray(caseEvents.type, ['mediation-declined', 'withdrawn']),
          and(eq(caseEvents.type, 'willingness-recorded'), sql`${answer} in ('unwilling', 'no-answer')`),
        ),
      ),
    )
    .groupBy(caseEvents.type, requesterRole, party, answer, by, from)
  return rows.map((r) => ({ ...r, type: r.type as DeclineFact['type'], requesterRole: r.requesterRole ?? 'other' }))
}

/** How many enquiries the period holds for these councils: whether the report can be worked out at once. */
export async function enquiryCount(db: Db, q: FactQuery): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(ofCouncils(q.councils), between(cases.receivedOn, q.from, q.to)))
  return row?.n ?? 0
}
