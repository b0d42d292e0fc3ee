// The queries that anonymise one case, table by table, in the caller's transaction. Each keeps the
// columns the reports count (dates, kinds, states, outcomes, councils) and writes REMOVED over the
// rest, or null where a column may be empty; JSON columns are rewritten by the service (it works
// out their personal fields). Rows of the audit tables are never touched here: see redact().
import { sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.ts'
import { REMOVED, type JsonPath } from '../../domain/retention.ts'

const removed = sql`${REMOVED}`
const ifSet = (column: string) => sql.raw(`${column} = case when ${column} is null then null else '${REMOVED}' end`)

export interface CaseToAnonymise {
  id: string
  status: string
  localAuthorityId: string
  childDateOfBirth: string
  childPostcode: string
  request: Record<string, unknown>
  anonymisedAt: Date | null
  held: boolean
  openComplaint: boolean
}

/** The case, locked for the rest of the transaction, with its retention state. */
export async function lockCaseToAnonymise(tx: Tx, caseId: string): Promise<CaseToAnonymise | undefined> {
  const result = await tx.execute<{
    id: string
    status: string
    local_authority_id: string
    child_date_of_birth: string
    child_postcode: string
    request: Record<string, unknown>
    anonymised_at: string | Date | null
    held: boolean
    open_complaint: boolean
  }>(sql`
    select c.id, c.status, c.local_authority_id, c.child_date_of_birth::text, c.child_postcode, c.request,
      r.anonymised_at,
      exists (select 1 from retention_holds h where h.case_id = c.id and h.lifted_at is null) as held,
      exists (select 1 from complaints k where k.case_id = c.id and k.status <> 'closed') as open_complaint
    from cases c left join case_retention r on r.case_id = c.id
    where c.id = ${caseId}
    for update of c`)
  const [row] = result.rows
  return (
    row && {
      id: row.id,
      status: row.status,
      localAuthorityId: row.local_authority_id,
      childDateOfBirth: row.child_date_of_birth,
      childPostcode: row.child_postcode,
      request: row.request,
      anonymisedAt: row.anonymised_at ? new Date(row.anonymised_at) : null,
      held: Boolean(row.held),
      openComplaint: Boolean(row.open_complaint),
    }
  )
}

/** The case row itself and the plain columns of everything that hangs from it. */
export async function anonymiseColumns(
  tx: Tx,
  c: { id: string; request: unknown; childDateOfBirth: string; childPostcode: string; now: Date },
) {
  const id = c.id
  await tx.execute(sql`update cases set child_name = ${removed}, child_setting = ${removed},
    child_date_of_birth = ${c.childDateOfBirth}, child_postcode = ${c.childPostcode},
    request = ${JSON.stringify(c.request)}::jsonb, version = version + 1, updated_at = ${c.now} where id = ${id}`)
  await tx.execute(sql`update case_parties set name = ${removed}, ${ifSet('organisation')}, email = null, phone = null,
    version = version + 1 where case_id = ${id}`)
  await tx.execute(
    sql`delete from portal_sign_ins where party_id in (select p.id from case_parties p where p.case_id = ${id})`,
  )
  await tx.execute(sql`update party_contacts set note = ${removed} where case_id = ${id}`)
  await tx.execute(sql`update case_issues set text = ${removed} where case_id = ${id}`)
  await tx.execute(sql`update child_views set views = ${removed} where case_id = ${id}`)
  await tx.execute(sql`update attendees set name = ${removed} where case_id = ${id}`)
  await tx.execute(sql`update summaries set ${ifSet('text')}, ${ifSet('file_name')}, file = null where case_id = ${id}`)
  await tx.execute(sql`update messages set recipient_name = ${removed}, recipient_address = ${removed},
    subject = ${removed}, body = ${removed}, attachments = '[]'::jsonb, provider_reference = null,
    status = case when status in ('queued', 'sending') then 'failed' else status end,
    last_error = case when status in ('queued', 'sending') then 'Not sent: the case was anonymised' else last_error end
    where case_id = ${id} or party_id in (select p.id from case_parties p where p.case_id = ${id})`)
  await tx.execute(sql`update agreement_points set what = ${removed}, ${ifSet('responsible_name')}, ${ifSet('how_known')},
    ${ifSet('follow_up_note')} where case_id = ${id}`)
  await tx.execute(sql`update case_outcomes set ${ifSet('reason')}, ${ifSet('referred_to')} where case_id = ${id}`)
  await tx.execute(sql`update scope_decisions set reason = ${removed} where case_id = ${id}`)
  await tx.execute(sql`update party_permissions set given_by = ${removed}, ${ifSet('how')}, ${ifSet('for_what')},
    ${ifSet('withdrawn_by')} where case_id = ${id}`)
  await tx.execute(sql`update meetings set ${ifSet('adjustments')}, ${ifSet('cancel_reason')},
    ${ifSet('shorter_notice_agreed_by')}, ${ifSet('online_link')} where case_id = ${id}`)
  await tx.execute(sql`update meeting_responses set ${ifSet('note')}
    where meeting_id in (select m.id from meetings m where m.case_id = ${id})`)
  await tx.execute(sql`update complaints set complainant_name = ${removed}, complainant_relationship = null,
    complainant_email = null, complainant_phone = null, complainant_address = null, what_happened = ${removed},
    wanted_outcome = case when wanted_outcome = '' then '' else ${removed} end where case_id = ${id}`)
  await tx.execute(sql`update complaint_stages set ${ifSet('findings')}, ${ifSet('changes')}
    where complaint_id in (select k.id from complaints k where k.case_id = ${id})`)
}

/** The search index's names of the case: forgotten, and each name no other case has. */
export async function forgetSearchNames(tx: Tx, caseId: string) {
  await tx.execute(sql`
    with gone as (delete from case_names where case_id = ${caseId} returning name_id)
    delete from search_names s where s.id in (select name_id from gone)
      and not exists (select 1 from case_names n where n.name_id = s.id and n.case_id <> ${caseId})`)
}

/** The JSON columns of the case's rows (besides the audit tables), each with its table and key. */
export async function jsonOfCase(tx: Tx, caseId: string) {
  const result = await tx.execute<{ tbl: string; key: string; col: string; value: unknown }>(sql`
    select 'case_parties' as tbl, id::text as key, 'contact_preferences' as col, contact_preferences as value from case_parties where case_id = ${caseId}
    union all select 'case_parties', id::text, 'adjustments', adjustments from case_parties where case_id = ${caseId}
    union all select 'certificates', id::text, 'content', content from certificates where case_id = ${caseId}
    union all select 'agreements', id::text, 'not_agreed', not_agreed from agreements where case_id = ${caseId}
    union all select 'agreements', id::text, 'final_content', final_content from agreements where case_id = ${caseId} and final_content is not null
    union all select 'meeting_records', meeting_id::text, 'attendance', attendance from meeting_records where case_id = ${caseId}
    union all select 'party_feedback', id::text, 'answers', answers from party_feedback where case_id = ${caseId}
    union all select 'complaint_events', e.id::text, 'data', e.data from complaint_events e
      join complaints k on k.id = e.complaint_id where k.case_id = ${caseId}`)
  return result.rows
}

const keyColumn: Record<string, string> = {
  case_parties: 'id',
  certificates: 'id',
  agreements: 'id',
  meeting_records: 'meeting_id',
  party_feedback: 'id',
  complaint_events: 'id',
}

/** Writes one JSON column back (its table and column come from jsonOfCase, never from a person). */
export async function writeJson(tx: Tx, row: { tbl: string; key: string; col: string }, value: unknown) {
  const keyName = keyColumn[row.tbl]
  if (!keyName || !/^[a-z_]+$/.test(row.col)) throw new Error(`Not a column anonymising writes: ${row.tbl}.${row.col}`)
  const key = row.tbl === 'complaint_events' ? sql`${Number(row.key)}` : sql`${row.key}::uuid`
  await tx.execute(
    sql`update ${sql.identifier(row.tbl)} set ${sql.identifier(row.col)} = ${JSON.stringify(value)}::jsonb
      where ${sql.identifier(keyName)} = ${key}`,
  )
}

/** The case's events and its audit trail entries (not the redactions' own), with their JSON. */
export async function auditRowsOfCase(tx: Tx, caseId: string) {
  const events = await tx.execute<{ id: string; data: unknown }>(
    sql`select id, data from case_events where case_id = ${caseId} order by id`,
  )
  const entries = await tx.execute<{ id: string; before: unknown; after: unknown }>(
    sql`select id, before, after from audit_trail where case_id = ${caseId} and action <> 'audit.redacted' order by id`,
  )
  return { events: events.rows, entries: entries.rows }
}

/** Redacts the named fields of one row of an audit table through audit_redact (migration 0019). */
export async function redact(
  tx: Tx,
  chain: 'case_events' | 'audit_trail',
  rowId: number,
  paths: JsonPath[],
  at: Date,
  by: string | null,
  why: string,
): Promise<number> {
  const result = await tx.execute<{ n: number }>(
    sql`select audit_redact(${chain}, ${rowId}, ${JSON.stringify(paths)}::jsonb, ${at}, ${by}, ${why}) as n`,
  )
  return Number(result.rows[0]?.n ?? 0)
}

/** The case's place in the schedule: anonymised now. */
export async function markAnonymised(
  tx: Tx,
  c: { id: string; localAuthorityId: string; kind: string; closedOn: string | null; at: Date; why: string },
) {
  await tx.execute(sql`
    insert into case_retention (case_id, local_authority_id, kind, closed_on, anonymised_at, anonymised_why)
    values (${c.id}, ${c.localAuthorityId}, ${c.kind}, ${c.closedOn}, ${c.at}, ${c.why})
    on conflict (case_id) do update set anonymised_at = excluded.anonymised_at, anonymised_why = excluded.anonymised_why`)
}

/** What the case was (an enquiry or a case) and the day it ended, from its events. */
export async function kindAndEnd(tx: Tx, caseId: string) {
  const result = await tx.execute<{ kind: string; closed_on: string | null }>(sql`
    select coalesce(r.kind, case_retention_kind(${caseId})) as kind, r.closed_on::text as closed_on
    from (select 1) one left join case_retention r on r.case_id = ${caseId}`)
  const row = result.rows[0]!
  return { kind: row.kind as 'enquiry' | 'case', closedOn: row.closed_on }
}
