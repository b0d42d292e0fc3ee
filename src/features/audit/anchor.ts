// Anchoring the audit's hash chains: each chain's last link written to the log and appended to a
// file outside the database (AUDIT_ANCHOR_FILE), a JSON line each time. Someone able to rewrite the
// database can rebuild a chain that checks; they cannot change what was written elsewhere before.
import { appendFile, readFile } from 'node:fs/promises'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { auditChains, parseAnchorLine, type AuditAnchor } from '../../domain/audit-chain.ts'
import { chainHead } from './chain-repository.ts'

export async function anchorAudit(options: {
  db: Db
  clock: Clock
  file: string | undefined
  log?: (message: string) => void
}): Promise<AuditAnchor> {
  const anchor: AuditAnchor = { at: options.clock.now().toISOString(), chains: {} }
  for (const chain of auditChains) {
    const head = await chainHead(options.db, chain)
    if (head.seq > 0) anchor.chains[chain] = head
  }
  const line = JSON.stringify(anchor)
  options.log?.(`Audit anchor: ${line}`)
  if (options.file) await appendFile(options.file, `${line}\n`, { encoding: 'utf8', flush: true })
  return anchor
}

/** The file's last anchor (null when there is no file or no anchor in it yet). */
export async function readLatestAnchor(file: string): Promise<AuditAnchor | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  const lines = text.split('\n').filter((l) => l.trim())
  for (let i = lines.length - 1; i >= 0; i--) {
    const anchor = parseAnchorLine(lines[i]!)
    if (anchor) return anchor
  }
  return null
}
