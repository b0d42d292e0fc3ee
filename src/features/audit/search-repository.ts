// The audit search's queries: every change and every look, from the audit trail, the case events
// and the access log, newest first, filtered by who, case, kind and dates, a page at a time by
// keyset (never an offset), and scoped to the councils of the person searching.
import { asc, eq, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cases, users } from '../../db/schema/index.ts'

/** Where an entry is kept: 1 the audit trail, 2 a case's events, 3 the access log (also their order at one instant). */
export type AuditSource = 1 | 2 | 3

export interface AuditQuery {
  userId?: string
  caseId?: string
  /** 'case' (case events), 'read' (the access log) or a kind of record in the audit trail. */
  kind?: string
  /** Days, YYYY-MM-DD, in UK time, both included. */
  from?: string
  to?: string
  /** The councils whose cases' entries may be seen, or 'all' (then entries of no case too). */
  councils: 'all' | readonly string[]
  /** The last entry of the page before: its instant (as text, to the microsecond), source and id. */
  after?: { at: string; source: AuditSource; id: number }
  limit: number
}

export interface AuditRow {
  source: AuditSource
  id: number
  /** To the microsecond, for the next page's keyset. */
  atText: string
  at: Date
  userId: string | null
  userName: string | null
  /** Who, when not a member of staff: the person asking, a party, an API token. */
  actorLabel: string | null
  ip: string | null
  action: string
  recordKind: string
  recordId: string
  caseId: string | null
  caseReference: string | null
  before: unknown
  after: unknown
}

const atText = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

function branch(
  q: AuditQuery,
  source: AuditSource,
  t: { table: SQL; at: SQL; id: SQL; user: SQL; caseId: SQL },
  columns: SQL,
  own: SQL[],
) {
  const where: SQL[] = [...own]
  if (q.userId) where.push(sql`${t.user} = ${q.userId}`)
  if (q.caseId) where.push(sql`${t.caseId} = ${q.caseId}`)
  if (q.from) where.push(sql`${t.at} >= (${q.from}::date::timestamp at time zone 'Europe/London')`)
  if (q.to) where.push(sql`${t.at} < ((${q.to}::date + 1)::timestamp at time zone 'Europe/London')`)
  if (q.councils !== 'all') {
    // Entries of a case of their councils only: nothing of another council's, nor of no case.
    where.push(
      q.councils.length
        ? sql`c.local_authority_id in (${sql.join(
            q.councils.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`false`,
    )
  }
  if (q.after) {
    const at = sql`${q.after.at}::timestamptz`
    if (source > q.after.source) where.push(sql`${t.at} <= ${at}`)
    else if (source < q.after.source) where.push(sql`${t.at} < ${at}`)
    else where.push(sql`(${t.at}, ${t.id}) < (${at}, ${q.after.id})`)
  }
  const join = q.councils === 'all' ? sql`left join` : sql`join`
  return sql`(select ${sql.raw(String(source))} as source, ${t.id} as id, ${atText(t.at)} as at_text, ${t.at} as at,
      ${t.user} as user_id, u.name as user_name, ${columns}, ${t.caseId} as case_id, c.reference as case_reference
    from ${t.table} ${join} cases c on c.id = ${t.caseId} left join users u on u.id = ${t.user}
    where ${where.length ? sql.join(where, sql` and `) : sql`true`}
    order by ${t.at} desc, ${t.id} desc limit ${q.limit})`
}

export async function searchAudit(db: Db, q: AuditQuery): Promise<AuditRow[]> {
  const parts: SQL[] = []
  const wants = (source: AuditSource) =>
    !q.kind ||
    (source === 2 ? q.kind === 'case' : source === 3 ? q.kind === 'read' : !['case', 'read'].includes(q.kind))
  if (wants(1)) {
    parts.push(
      branch(
        q,
        1,
        { table: sql`audit_trail a`, at: sql`a.at`, id: sql`a.id`, user: sql`a.user_id`, caseId: sql`a.case_id` },
        sql`null::text as actor_label, a.ip, a.action, a.record_kind, a.record_id, a.before, a.after`,
        q.kind ? [sql`a.record_kind = ${q.kind}`] : [],
      ),
    )
  }
  if (wants(2)) {
    parts.push(
      branch(
        q,
        2,
        {
          table: sql`case_events e`,
          at: sql`e.recorded_at`,
          id: sql`e.id`,
          user: sql`e.actor_user_id`,
          caseId: sql`e.case_id`,
        },
        sql`e.actor_label, null::text as ip, e.type as action, 'case' as record_kind, e.case_id::text as record_id,
          null::jsonb as before, e.data as after`,
        [],
      ),
    )
  }
  if (wants(3)) {
    parts.push(
      branch(
        q,
        3,
        { table: sql`access_log l`, at: sql`l.at`, id: sql`l.id`, user: sql`l.user_id`, caseId: sql`l.case_id` },
        sql`case when l.party_id is not null then 'A party, in the portal' when l.api_token_id is not null then 'An API token' end as actor_label,
          null::text as ip, l.action, 'read' as record_kind, l.path as record_id, null::jsonb as before,
          jsonb_strip_nulls(jsonb_build_object('party', l.party_id, 'apiToken', l.api_token_id)) as after`,
        [],
      ),
    )
  }
  const result = await db.execute<{
    source: number
    id: string
    at_text: string
    at: string | Date
    user_id: string | null
    user_name: string | null
    actor_label: string | null
    ip: string | null
    action: string
    record_kind: string
    record_id: string
    case_id: string | null
    case_reference: string | null
    before: unknown
    after: unknown
  }>(sql`select * from (${sql.join(parts, sql` union all `)}) entries
    order by at desc, source asc, id desc limit ${q.limit}`)
  return result.rows.map((r) => ({
    source: Number(r.source) as AuditSource,
    id: Number(r.id),
    atText: r.at_text,
    at: new Date(r.at),
    userId: r.user_id,
    userName: r.user_name,
    actorLabel: r.actor_label,
    ip: r.ip,
    action: r.action,
    recordKind: r.record_kind,
    recordId: r.record_id,
    caseId: r.case_id,
    caseReference: r.case_reference,
    before: typeof r.before === 'string' ? JSON.parse(r.before) : r.before,
    after: typeof r.after === 'string' ? JSON.parse(r.after) : r.after,
  }))
}

/** Staff accounts by name, for choosing whose entries to see. */
export async function staffByName(db: Db) {
  return db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name))
}

/** A case by its reference, with its council (for who may search its entries). */
export async function caseByReference(db: Db, reference: string) {
  const [row] = await db
    .select({ id: cases.id, localAuthorityId: cases.localAuthorityId })
    .from(cases)
    .where(eq(cases.reference, reference))
  return row
}
