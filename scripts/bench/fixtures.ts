// What the load needs from the data set (read before the server starts: the embedded database
// takes one process at a time), and the check afterwards that every enquiry the API acknowledged
// is stored exactly once.
import { sql } from 'drizzle-orm'
import type { Database } from '../../src/db/client.ts'
import { hashToken } from '../../src/features/api/index.ts'
import { hashPassword } from '../../src/features/auth/index.ts'
import { API_TOKENS, apiToken } from './build.ts'
import type { Fixtures } from './pages.ts'
import { BENCH_COMMISSIONER } from './people.ts'

type Row = Record<string, unknown>
const rows = async (database: Database, query: ReturnType<typeof sql>) => (await database.db.execute<Row>(query)).rows

/** Drops a letter from the surname: "Amelia Hartley" -> "Amelia Hartly". */
export function misspell(name: string): string {
  const [first, ...rest] = name.split(' ')
  const surname = rest.join(' ')
  if (surname.length < 4) return `${first} ${surname}x`
  const at = Math.max(2, surname.length - 2)
  return `${first} ${surname.slice(0, at)}${surname.slice(at + 1)}`
}

export async function readFixtures(database: Database): Promise<Fixtures & { tokenIds: string[] }> {
  const [{ n } = { n: 0 }] = await rows(database, sql`select count(*)::int as n from cases`)
  const caseIds = (await rows(database, sql`select id from cases order by id limit 1000`)).map((r) => String(r.id))
  const [council] = await rows(
    database,
    sql`select la.id, la.name, la.postcode_districts[1] as district
    from api_tokens t join local_authorities la on la.id = t.local_authority_id limit 1`,
  )
  const apiReferences = (
    await rows(
      database,
      sql`select reference from cases where local_authority_id = ${council!.id} order by id limit 500`,
    )
  ).map((r) => String(r.reference))
  const references = (await rows(database, sql`select reference from cases order by id desc limit 500`)).map((r) =>
    String(r.reference),
  )
  // 80% of the way down the list, newest first.
  const deepPage = Math.max(2, Math.floor((Number(n) / 25) * 0.8))
  const [deep] = await rows(
    database,
    sql`select reference from cases order by received_on desc, created_at desc, reference desc
      offset ${(deepPage - 1) * 25 - 1} limit 1`,
  )
  const [common] = await rows(
    database,
    sql`select child_name, count(*)::int as n from cases group by 1 order by count(*) desc, 1 limit 1`,
  )
  // A parent with an email in a case in progress, as a party who uses the portal.
  const [portal] = await rows(
    database,
    sql`select lower(trim(p.email)) as email from case_parties p join cases c on c.id = p.case_id
    where p.role = 'parent' and p.email is not null and c.status not in ('closed', 'withdrawn', 'signposted')
    order by (c.status = 'meeting-arranged') desc, c.received_on desc limit 1`,
  )
  const report = await reportFixtures(database)
  const hashes = Array.from({ length: API_TOKENS }, (_, i) => hashToken(apiToken(i)))
  const tokenRows = await rows(database, sql`select id, token_hash from api_tokens`)
  const idByHash = new Map(tokenRows.map((r) => [String(r.token_hash), String(r.id)]))
  return {
    caseIds,
    apiReferences,
    references,
    typoOf: String(common!.child_name),
    typoName: misspell(String(common!.child_name)),
    typoCount: Number(common!.n),
    deepPage,
    deepAfter: String(deep?.reference ?? ''),
    apiPostcodeDistrict: String(council!.district),
    apiCouncilName: String(council!.name),
    portalEmail: String(portal?.email ?? ''),
    ...report,
    tokenIds: hashes.map((h) => idByHash.get(h) ?? ''),
  }
}

/**
 * The council with the most cases and the last whole financial year of its cases (April to
 * March), for its year's report; and its commissioner's account, made (or made current) here.
 */
async function reportFixtures(database: Database) {
  const [council] = await rows(
    database,
    sql`select local_authority_id as id, max(received_on)::text as latest from cases
    group by 1 order by count(*) desc, 1 limit 1`,
  )
  const latest = String(council!.latest)
  const year = Number(latest.slice(0, 4)) - (Number(latest.slice(5, 7)) < 4 ? 1 : 0) - 1
  const passwordHash = await hashPassword(BENCH_COMMISSIONER.password)
  const [user] = await rows(
    database,
    sql`insert into users (email, name, password_hash, roles, must_change_password)
    values (${BENCH_COMMISSIONER.email}, 'Bench Commissioner', ${passwordHash}, ${'{commissioner}'}::text[], false)
    on conflict (email) do update set password_hash = excluded.password_hash, disabled_at = null returning id`,
  )
  await database.db.execute(sql`delete from user_councils where user_id = ${user!.id}`)
  await database.db.execute(
    sql`insert into user_councils (user_id, local_authority_id) values (${user!.id}, ${council!.id})`,
  )
  return { reportCouncilId: String(council!.id), reportFrom: `${year}-04-01`, reportTo: `${year + 1}-03-31` }
}

/** The outbox row with the newest sign-in link for this address. */
export async function portalLinkFor(database: Database, email: string): Promise<string | undefined> {
  const [row] = await rows(
    database,
    sql`select body from messages where template_key = 'portal-sign-in-link'
    and lower(recipient_address) = ${email} order by created_at desc limit 1`,
  )
  return /https?:\/\/\S+\/portal\/sign-in\/[A-Za-z0-9_-]{43}/.exec(String(row?.body ?? ''))?.[0]
}

export interface Acknowledged {
  key: string
  tokenIndex: number
  id: string
}

export interface EnquiryCheck {
  acknowledged: number
  storedOnce: number
  missing: number
  duplicated: number
  wrongCase: number
  storedNotAcknowledged: number
}

/** Every enquiry answered 2xx is there once, as the case it said; then the bench's enquiries are removed again. */
export async function checkEnquiries(
  database: Database,
  runId: string,
  tokenIds: string[],
  acks: Acknowledged[],
): Promise<EnquiryCheck> {
  const pattern = `api:%:bench-${runId}-%`
  const stored = await rows(
    database,
    sql`select submission_key as key, count(*)::int as n, min(id::text) as id
    from cases where submission_key like ${pattern} group by 1`,
  )
  const byKey = new Map(stored.map((r) => [String(r.key), { n: Number(r.n), id: String(r.id) }]))
  const check: EnquiryCheck = {
    acknowledged: acks.length,
    storedOnce: 0,
    missing: 0,
    duplicated: 0,
    wrongCase: 0,
    storedNotAcknowledged: 0,
  }
  const expected = new Set<string>()
  for (const ack of acks) {
    const key = `api:${tokenIds[ack.tokenIndex]}:${ack.key}`
    expected.add(key)
    const found = byKey.get(key)
    if (!found) check.missing++
    else if (found.n > 1) check.duplicated++
    else if (found.id !== ack.id) check.wrongCase++
    else check.storedOnce++
  }
  check.storedNotAcknowledged = [...byKey.keys()].filter((k) => !expected.has(k)).length
  await removeEnquiries(database, pattern)
  return check
}

/** Keeps the data set the size its marker says. */
async function removeEnquiries(database: Database, pattern: string) {
  await database.db.transaction(async (tx) => {
    const ids = (await tx.execute<Row>(sql`select id from cases where submission_key like ${pattern}`)).rows.map((r) =>
      String(r.id),
    )
    if (!ids.length) return
    // Only the bench's own rows go, dependants first. Without this, deleting each party checks every
    // table that may refer to it, some by a full scan (access_log.party_id has no index).
    const [role] = (await tx.execute<Row>(sql`select rolsuper from pg_roles where rolname = current_user`)).rows
    if (role?.rolsuper === true) await tx.execute(sql`set local session_replication_role = replica`)
    const made = sql`(select unnest(${`{${ids.join(',')}}`}::uuid[]))`
    const tables = ['case_deadlines', 'case_events', 'access_log', 'messages', 'case_names', 'case_parties', 'cases']
    for (const table of tables) {
      await tx.execute(
        sql`delete from ${sql.identifier(table)} where ${sql.identifier(table === 'cases' ? 'id' : 'case_id')} in ${made}`,
      )
    }
  })
}
