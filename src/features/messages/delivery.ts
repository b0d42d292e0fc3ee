// Delivers the outbox. Each message is claimed by one worker at a time: an UPDATE of a row chosen
// with FOR UPDATE SKIP LOCKED sets it 'sending' with a lease (locked_until), so several workers
// (or several instances of Parley) never take the same row. A worker that dies while sending leaves
// its row 'sending'; once the lease has passed, any worker takes it again. A failure is tried
// again later with exponential backoff, and given up as 'failed' after MAX_ATTEMPTS (it then shows
// on Today and on "Sent messages", where staff can try again).
//
// Sent exactly once: a message is marked sent only by the worker that holds its lease. The one
// gap no outbox can close is a crash after the server accepted the message and before the row was
// marked: then it is sent again after the lease. Every attempt carries the same Message-ID
// (<id@parley>) and Idempotency-Key, so the receiver can drop the repeat.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { claimNextDue, countOverdue, keepUnsendable, settleClaim } from './delivery-repository.ts'
import type { Channel } from './outbox.ts'
import { PermanentDeliveryError, type Transports } from './transports.ts'

export {
  createTransports,
  closeTransports,
  messageIdOf,
  PermanentDeliveryError,
  type EmailTransport,
  type TextTransport,
  type LetterTransport,
  type Transports,
  type OutgoingMessage,
} from './transports.ts'

export const MAX_ATTEMPTS = 8
/** How long a worker may take over one message before another may take it again. */
export const LEASE_SECONDS = 120
const FIRST_RETRY_SECONDS = 60
const LONGEST_WAIT_SECONDS = 2 * 60 * 60

/** Seconds to wait after the nth failed attempt: 1, 2, 4, 8 ... minutes, at most 2 hours. */
export function backoffSeconds(attempts: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_SECONDS)
}

export interface DeliveryReport {
  sent: number
  retrying: number
  failed: number
  kept: number
}

const channels: Channel[] = ['email', 'letter', 'text']

/**
 * Sends what is due: up to `limit` messages, one claim at a time (a short lease each). Returns
 * what happened; never throws for a message that could not be sent.
 */
export async function deliverDueMessages({
  db,
  clock,
  transports,
  limit = 50,
  leaseSeconds = LEASE_SECONDS,
}: {
  db: Db
  clock: Clock
  transports: Transports
  limit?: number
  /** How long this worker holds a message it is sending (MESSAGE_LEASE_SECONDS). */
  leaseSeconds?: number
}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, kept: 0 }
  const ready = channels.filter((c) => transports[c])

  // No way to send on a channel: keep the messages in the outbox for staff to see (and, for
  // letters, to print and post). Never an error.
  report.kept = await keepUnsendable(db, ready, clock.now())
  if (!ready.length) return report

  for (let i = 0; i < limit; i++) {
    const now = clock.now()
    const lease = new Date(now.getTime() + leaseSeconds * 1000)
    const row = await claimNextDue(db, ready, now, lease)
    if (!row) break

    const claim = { id: row.id, lease }
    try {
      const result = await transports[row.channel as Channel]!.send({
        id: row.id,
        channel: row.channel as Channel,
        recipientName: row.recipientName,
        recipientAddress: row.recipientAddress,
        subject: row.subject,
        body: row.body,
        attachments: row.attachments,
        largePrint: row.largePrint,
      })
      await settleClaim(db, claim, {
        status: 'sent',
        sentAt: clock.now(),
        providerReference: result.reference ?? null,
        lastError: null,
      })
      report.sent++
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      const giveUp = err instanceof PermanentDeliveryError || row.attempts >= MAX_ATTEMPTS
      await settleClaim(
        db,
        claim,
        giveUp
          ? { status: 'failed', lastError: message.slice(0, 1000) }
          : {
              status: 'queued',
              lastError: message.slice(0, 1000),
              nextAttemptAt: new Date(clock.now().getTime() + backoffSeconds(row.attempts) * 1000),
            },
      )
      if (giveUp) report.failed++
      else report.retrying++
    }
  }
  return report
}

/** Nothing due should wait longer than this for the delivery job (it runs every few seconds). */
export const OVERDUE_AFTER_SECONDS = 120

/** How many messages are overdue: due more than two minutes ago and not taken, or left by a crash. */
export function overdueMessages(db: Db, clock: Clock): Promise<number> {
  return countOverdue(db, new Date(clock.now().getTime() - OVERDUE_AFTER_SECONDS * 1000))
}
