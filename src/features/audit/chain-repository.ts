// The queries behind checking and anchoring the audit's hash chains (the links themselves are
// written by the tables' triggers, never from here).
import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import type { AuditChainName, ChainPosition, StoredLink } from '../../domain/audit-chain.ts'

/**
 * The chain's links after `afterSeq`, in order, each with its row's canonical text as the row reads
 * now (null when the row is gone), `limit` at a time.
 */
export async function linksAfter(db: Db, chain: AuditChainName, afterSeq: number, limit: number) {
  const table = sql.identifier(chain)
  const result = await db.execute<{
    seq: string
    row_id: string
    prev_hash: string
    hash: string
    canonical: string | null
    redaction_digest: string | null
    recorded_digest: string | null
  }>(sql`
    select l.seq, l.row_id, l.prev_hash, l.hash,
      case when t.id is null then null else audit_canonical(t) end as canonical,
      r.digest as redaction_digest, r.recorded_digest
    from audit_chain l left join ${table} t on t.id = l.row_id
    left join lateral (select d.digest, a.after->>'digest' as recorded_digest from audit_redactions d
      left join audit_trail a on a.id = d.trail_id and a.action = 'audit.redacted'
        and a.record_kind = d.chain and a.record_id = d.row_id::text
      where d.chain = l.chain and d.row_id = l.row_id order by d.id desc limit 1) r on true
    where l.chain = ${chain} and l.seq > ${afterSeq}
    order by l.seq
    limit ${limit}`)
  return result.rows.map((r): StoredLink => ({
    seq: Number(r.seq),
    rowId: Number(r.row_id),
    prevHash: r.prev_hash,
    hash: r.hash,
    canonical: r.canonical,
    redaction: r.redaction_digest === null ? null : { digest: r.redaction_digest, recorded: r.recorded_digest },
  }))
}

/** The first row of the table that is in no link of its chain (written with the trigger off). */
export async function firstUnlinkedRow(db: Db, chain: AuditChainName): Promise<number | undefined> {
  const result = await db.execute<{ id: string }>(sql`
    select t.id from ${sql.identifier(chain)} t
    where not exists (select 1 from audit_chain l where l.chain = ${chain} and l.row_id = t.id)
    order by t.id limit 1`)
  const [row] = result.rows
  return row ? Number(row.id) : undefined
}

/** The chain's last link: where it has got to (seq 0 when it has none yet). */
export async function chainHead(db: Db, chain: AuditChainName): Promise<ChainPosition> {
  const result = await db.execute<{ seq: string; hash: string }>(sql`
    select seq, hash from audit_chain where chain = ${chain} order by seq desc limit 1`)
  const [row] = result.rows
  return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: '' }
}

/** The hash of one link, if it is there. */
export async function linkHashAt(db: Db, chain: AuditChainName, seq: number): Promise<string | undefined> {
  const result = await db.execute<{ hash: string }>(sql`
    select hash from audit_chain where chain = ${chain} and seq = ${seq}`)
  return result.rows[0]?.hash
}
