// The audit's hash chains, as rules: how a link's hash is made and what makes a chain broken. The
// database writes the links (migration 0015's audit_chain_link, in SQL); this is the same sum done
// again, independently of the database's own code, by `audit-verify`.
import { createHash } from 'node:crypto'

/** The tables whose rows are chained, each in a chain of its own. */
export const auditChains = ['audit_trail', 'case_events', 'access_log'] as const
export type AuditChainName = (typeof auditChains)[number]

/** What the first link of a chain follows. */
export const genesisHash = '0'.repeat(64)

/** sha256(previous hash | chain | seq | the row's canonical text), in hex: as audit_chain_link makes it. */
export function linkHash(prevHash: string, chain: string, seq: number, canonical: string): string {
  return createHash('sha256').update(`${prevHash}|${chain}|${seq}|${canonical}`, 'utf8').digest('hex')
}

/** One link as stored, with its row's canonical text as it reads now (null: the row is gone). */
export interface StoredLink {
  seq: number
  rowId: number
  prevHash: string
  hash: string
  canonical: string | null
  /**
   * The row's latest redaction (personal data removed through audit_redact, migration 0019), if it
   * had one: the digest of the row's canonical text it recorded, and the digest its audit trail
   * entry says (null when that entry is missing).
   */
  redaction?: { digest: string; recorded: string | null } | null
}

/** sha256 of a row's canonical text, in hex: what a redaction records of the row as it left it. */
export function canonicalDigest(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

/**
 * A row that no longer matches its link's hash is accepted only as redacted: its latest redaction
 * and that redaction's own audit trail entry both record the digest of the row exactly as it reads
 * now. The link's hash is the one written with the row, so the chain and its anchors still hold.
 */
export function isRedacted(link: StoredLink): boolean {
  const r = link.redaction
  if (!r || link.canonical === null) return false
  const now = canonicalDigest(link.canonical)
  return r.digest === now && r.recorded === now
}

export interface ChainProblem {
  chain: string
  /** The link's place in the chain (1 is the first). */
  seq: number
  /** The table row it is about, when there is one. */
  rowId: number | null
  what: string
}

/** Where the walk has got to: the next link should have this seq and follow this hash. */
export interface ChainPosition {
  seq: number
  hash: string
}

export const chainStart: ChainPosition = { seq: 0, hash: genesisHash }

/**
 * Checks the next link after `at`: the first thing wrong with it, or null. Links are checked in
 * order; a walk stops at the first problem (everything after a break follows a broken link).
 */
export function checkLink(chain: string, at: ChainPosition, link: StoredLink): ChainProblem | null {
  const problem = (seq: number, rowId: number | null, what: string) => ({ chain, seq, rowId, what })
  if (link.seq !== at.seq + 1) {
    return problem(
      at.seq + 1,
      null,
      `entry ${at.seq + 1} is missing: the chain goes from entry ${at.seq} to entry ${link.seq}`,
    )
  }
  if (link.prevHash !== at.hash) {
    return problem(
      link.seq,
      link.rowId,
      `entry ${link.seq} does not follow entry ${at.seq}: it names ${link.prevHash} as the hash before it, but entry ${at.seq}'s is ${at.hash}`,
    )
  }
  if (link.canonical === null) {
    return problem(link.seq, link.rowId, `row ${link.rowId} has been deleted (it was entry ${link.seq})`)
  }
  if (linkHash(link.prevHash, chain, link.seq, link.canonical) !== link.hash && !isRedacted(link)) {
    return problem(
      link.seq,
      link.rowId,
      `row ${link.rowId} (entry ${link.seq}) has been changed since it was written: it no longer matches its hash`,
    )
  }
  return null
}

/** An anchor: each chain's last link when it was taken, kept outside the database. */
export interface AuditAnchor {
  at: string
  chains: Partial<Record<AuditChainName, ChainPosition>>
}

/** One line of the anchor file (JSON); null if it is not an anchor. */
export function parseAnchorLine(line: string): AuditAnchor | null {
  try {
    const value = JSON.parse(line) as AuditAnchor
    if (typeof value?.at !== 'string' || typeof value.chains !== 'object' || value.chains === null) return null
    for (const position of Object.values(value.chains)) {
      if (typeof position?.seq !== 'number' || typeof position.hash !== 'string') return null
    }
    return value
  } catch {
    return null
  }
}
