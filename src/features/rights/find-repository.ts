// Finding a person in every case this member of staff may see: as a case's child or as one of its
// parties (the family, whoever referred them, the other side), by a name close to theirs (the case
// search's trigram index over names, search_names and case_names), by email or phone (the parties'
// own indexes, as the portal finds a party), with the child's date of birth to tell people apart.
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cases } from '../../db/schema/index.ts'

/** The most cases a name's search reads, and the most people it answers. */
const MAX_CASES = 200
export const MAX_CANDIDATES = 100

export type Candidate = {
  caseId: string
  reference: string
  council: string
  caseStatus: string
  as: 'child' | 'party'
  partyId: string | null
  name: string
  role: string | null
  organisation: string | null
  email: string | null
  phone: string | null
  dateOfBirth: string | null
  /** What matched: the name, the email, the phone. */
  byName: boolean
  byEmail: boolean
  byPhone: boolean
  byDateOfBirth: boolean
}

export interface FindQuery {
  /** Names close to the one searched for, as search_names keeps them (from the case search). */
  names: string[]
  nameIds: number[]
  email?: string
  phone?: string
  dateOfBirth?: string
}

/** A phone number as the parties' index reads it: digits (and +), a leading +44 or 0044 as 0. */
const phoneDigits = (column: SQL) =>
  sql`regexp_replace(regexp_replace(coalesce(${column}, ''), '[^0-9+]', '', 'g'), '^(\\+44|0044)', '0')`
export const normalisePhone = (phone: string) => phone.replace(/[^0-9+]/g, '').replace(/^(\+44|0044)/, '0')

const textArray = (values: string[]) =>
  sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`

/**
 * Everyone in the cases `visible` lets this person see who matches the name, email or phone: the
 * child of a case whose name is close, each party whose name is close or whose email or phone is
 * the same. Best first: most things matched, then the newest case.
 */
export async function findCandidates(db: Db, visible: SQL, q: FindQuery): Promise<Candidate[]> {
  const email = q.email?.trim().toLowerCase() || null
  const phone = q.phone ? normalisePhone(q.phone) || null : null
  const dob = q.dateOfBirth ?? null
  const names = textArray(q.names)
  const ids = `{${q.nameIds.join(',')}}`
  const result = await db.execute<Candidate & { score: number; received_on: string }>(sql`
    with named as (
      select distinct cn.case_id from case_names cn where cn.name_id = any(${ids}::bigint[]) limit ${MAX_CASES}
    ), contacted as (
      select p.case_id from case_parties p
      where (${email}::text is not null and lower(trim(p.email)) = ${email})
         or (${phone}::text is not null and ${phoneDigits(sql`p.phone`)} = ${phone})
      limit ${MAX_CASES}
    ), found as (
      select ${cases.id} as id, ${cases.reference} as reference, ${cases.status} as status,
        ${cases.receivedOn} as received_on, ${cases.childName} as child_name,
        ${cases.childDateOfBirth} as child_date_of_birth, ${cases.localAuthorityId} as local_authority_id
      from ${cases}
      where ${cases.id} in (select case_id from named union select case_id from contacted)
        and ${visible}
    ), people as (
      select f.id as "caseId", f.reference, f.status as "caseStatus", f.received_on, f.local_authority_id,
        'child' as "as", null::uuid as "partyId", f.child_name as name, null as role, null as organisation,
        null as email, null as phone, f.child_date_of_birth::text as "dateOfBirth",
        search_name(f.child_name) = any(${names}) as "byName", false as "byEmail", false as "byPhone",
        (${dob}::date is not null and f.child_date_of_birth = ${dob}::date) as "byDateOfBirth"
      from found f
      union all
      select f.id, f.reference, f.status, f.received_on, f.local_authority_id,
        'party', p.id, p.name, p.role, p.organisation, p.email, p.phone, null,
        search_name(p.name) = any(${names}),
        (${email}::text is not null and lower(trim(p.email)) = ${email}),
        (${phone}::text is not null and ${phoneDigits(sql`p.phone`)} = ${phone}),
        false
      from found f join case_parties p on p.case_id = f.id
    )
    select people.*, la.name as council,
      (people."byName"::int + people."byEmail"::int + people."byPhone"::int + people."byDateOfBirth"::int) as score
    from people join local_authorities la on la.id = people.local_authority_id
    where people."byName" or people."byEmail" or people."byPhone"
    order by score desc, people.received_on desc, people.reference desc, people."as", people.name
    limit ${MAX_CANDIDATES}`)
  return result.rows.map(({ score: _, received_on: __, ...row }) => ({
    ...row,
    byName: !!row.byName,
    byEmail: !!row.byEmail,
    byPhone: !!row.byPhone,
    byDateOfBirth: !!row.byDateOfBirth,
  }))
}

/** The cases of these ids that this person may see (a match is kept only while its case is seen). */
export async function visibleOf(db: Db, visible: SQL, caseIds: string[]): Promise<Set<string>> {
  if (!caseIds.length) return new Set()
  const result = await db.execute<{ id: string }>(
    sql`select ${cases.id} as id from ${cases} where ${cases.id} = any(${`{${caseIds.join(',')}}`}::uuid[]) and ${visible}`,
  )
  return new Set(result.rows.map((r) => r.id))
}

/** The names of these search_names rows, as kept (lower case, single spaces). */
export async function nameTexts(db: Db, ids: number[]): Promise<string[]> {
  if (!ids.length) return []
  const result = await db.execute<{ name: string }>(
    sql`select name from search_names where id = any(${`{${ids.join(',')}}`}::bigint[])`,
  )
  return result.rows.map((r) => r.name)
}
