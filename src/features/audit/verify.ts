// Checking the audit's hash chains (`node src/cli.ts audit-verify`): each chain walked from its
// first link, the first broken link reported (which row, what is wrong), rows written with the
// trigger off found, and the latest anchor (kept outside the database) checked against the chains.
import type { Db } from '../../db/client.ts'
import {
  auditChains,
  chainStart,
  checkLink,
  isRedacted,
  type AuditAnchor,
  type ChainPosition,
  type ChainProblem,
} from '../../domain/audit-chain.ts'
import { readLatestAnchor } from './anchor.ts'
import { firstUnlinkedRow, linkHashAt, linksAfter } from './chain-repository.ts'

const BATCH = 2000

export interface ChainReport {
  chain: string
  /** How many links were found good before the walk stopped (all of them, when unbroken). */
  entries: number
  /** How many of them had personal data removed (retention or erasure), each through audit_redact. */
  redacted: number
  problem: ChainProblem | null
}

export interface VerifyReport {
  chains: ChainReport[]
  /** The latest anchor, and what is wrong with the chains against it (empty: it matches). */
  anchor: { file: string | undefined; latest: AuditAnchor | null; problems: string[] }
  ok: boolean
}

async function walk(db: Db, chain: (typeof auditChains)[number]): Promise<ChainReport> {
  let at: ChainPosition = chainStart
  let redacted = 0
  for (;;) {
    const links = await linksAfter(db, chain, at.seq, BATCH)
    for (const link of links) {
      const problem = checkLink(chain, at, link)
      if (problem) return { chain, entries: at.seq, redacted, problem }
      if (link.redaction && isRedacted(link)) redacted++
      at = { seq: link.seq, hash: link.hash }
    }
    if (links.length < BATCH) break
  }
  const unlinked = await firstUnlinkedRow(db, chain)
  if (unlinked !== undefined) {
    return {
      chain,
      entries: at.seq,
      redacted,
      problem: {
        chain,
        seq: at.seq + 1,
        rowId: unlinked,
        what: `row ${unlinked} is in no link of the chain: it was written with the chain's trigger turned off`,
      },
    }
  }
  return { chain, entries: at.seq, redacted, problem: null }
}

/** Each chain's last anchored link must still be there with the same hash. */
async function checkAnchor(db: Db, anchor: AuditAnchor): Promise<string[]> {
  const problems: string[] = []
  for (const chain of auditChains) {
    const anchored = anchor.chains[chain]
    if (!anchored || anchored.seq === 0) continue
    const hash = await linkHashAt(db, chain, anchored.seq)
    if (hash === undefined) {
      problems.push(`${chain}: the anchor of ${anchor.at} has entry ${anchored.seq}, which is no longer in the chain`)
    } else if (hash !== anchored.hash) {
      problems.push(
        `${chain}: entry ${anchored.seq} has the hash ${hash}, but the anchor of ${anchor.at} has ${anchored.hash}: the chain was rewritten`,
      )
    }
  }
  return problems
}

export async function verifyAudit(db: Db, anchorFile: string | undefined): Promise<VerifyReport> {
  const chains: ChainReport[] = []
  for (const chain of auditChains) chains.push(await walk(db, chain))
  const latest = anchorFile ? await readLatestAnchor(anchorFile) : null
  const anchorProblems = latest ? await checkAnchor(db, latest) : []
  return {
    chains,
    anchor: { file: anchorFile, latest, problems: anchorProblems },
    ok: chains.every((c) => !c.problem) && anchorProblems.length === 0,
  }
}

/** The report as the command prints it, a line each. */
export function verifyReportLines(report: VerifyReport): string[] {
  const lines = report.chains.map((c) =>
    c.problem
      ? `${c.chain}: BROKEN at entry ${c.problem.seq}${c.problem.rowId === null ? '' : ` (row ${c.problem.rowId})`}: ${c.problem.what}`
      : `${c.chain}: ${c.entries} ${c.entries === 1 ? 'entry' : 'entries'}, unbroken${c.redacted ? ` (${c.redacted} with personal data removed, each recorded)` : ''}`,
  )
  const { file, latest, problems } = report.anchor
  if (!file) lines.push('anchor: no AUDIT_ANCHOR_FILE is set, so there is no anchor to check')
  else if (!latest) lines.push(`anchor: ${file} has no anchor yet`)
  else if (problems.length) lines.push(...problems.map((p) => `anchor: ${p}`))
  else lines.push(`anchor: the latest (${latest.at}) matches the chains`)
  lines.push(report.ok ? 'The audit record is intact.' : 'The audit record has been tampered with.')
  return lines
}
