// What staff do with messages: try a failed one again, mark a letter posted, and send the regular
// update to the people owed one (each message queued with its update recorded, in one transaction).
import { and, eq, inArray, ne } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { cases, messages } from '../../db/schema/index.ts'
import { appendEvent, type Actor, createWorkflowService } from '../cases/index.ts'
import { channelLabel } from './labels.ts'
import { chooseChannel, partyRecipient, queueMessage } from './outbox.ts'
import { serviceValues } from './service-values.ts'
import { caseUpdateTemplate } from './general-templates.ts'

export class UpdateRefused extends Error {}

export function createMessageService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** A failed message (or one kept while its channel was not set up) goes back in the queue now. */
    async tryAgain(id: string): Promise<boolean> {
      const rows = await db
        .update(messages)
        .set({ status: 'queued', attempts: 0, nextAttemptAt: clock.now(), lockedUntil: null })
        .where(and(eq(messages.id, id), inArray(messages.status, ['failed', 'kept']), ne(messages.channel, 'letter')))
        .returning({ id: messages.id })
      return rows.length === 1
    },

    /** Staff printed and posted a letter: it is sent, with who posted it, and the case records it. */
    async markPosted(id: string, actor: Actor): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(messages)
          .set({
            status: 'sent',
            sentAt: clock.now(),
            lockedUntil: null,
            providerReference: `Posted by ${actor.label}`,
          })
          .where(and(eq(messages.id, id), eq(messages.channel, 'letter'), ne(messages.status, 'sent')))
          .returning()
        if (!row) return false
        if (row.caseId) {
          await appendEvent(tx, clock, {
            caseId: row.caseId,
            type: 'letter-posted',
            actor,
            data: { recipient: row.recipientName, subject: row.subject, messageId: row.id },
          })
        }
        return true
      })
    },
  }
}

/**
 * The regular update, written once, sent to each chosen person by the way they prefer, and recorded
 * as an update given (which restarts their clock): all in the caller's transaction, or none of it.
 * Throws UpdateRefused (rolling everything back) when a person cannot be reached or the case changed.
 */
export async function sendUpdates(
  tx: Tx,
  clock: Clock,
  input: {
    caseId: string
    partyIds: string[]
    update: string
    nextStep: string
    actor: Actor
    expectedVersion?: number
  },
): Promise<number> {
  const [caseRow] = await tx.select().from(cases).where(eq(cases.id, input.caseId))
  if (!caseRow) throw new UpdateRefused('There is no such case.')
  const workflow = createWorkflowService({ db: tx as unknown as Db, clock })
  const service = await serviceValues(tx)
  let sent = 0
  for (const [i, partyId] of input.partyIds.entries()) {
    const to = await partyRecipient(tx, partyId)
    const route = chooseChannel(to)
    if (!route)
      throw new UpdateRefused(
        `${to.name || 'One person'} has no email address, phone number or postal address. Record their update another way.`,
      )
    const result = await workflow.recordUpdate(
      input.caseId,
      {
        partyId,
        channel: channelLabel(route.channel).toLowerCase(),
        note: `${input.update}\nWhat happens next: ${input.nextStep}`,
      },
      {
        actor: input.actor,
        expectedVersion: i === 0 ? input.expectedVersion : undefined,
        beforeEvent: async (inner) => {
          const row = await queueMessage(inner, clock, {
            caseId: input.caseId,
            to,
            template: caseUpdateTemplate,
            values: {
              ...service,
              name: to.name,
              child: caseRow.childName,
              reference: caseRow.reference,
              update: input.update,
              'next-step': input.nextStep,
            },
            createdBy: input.actor.userId,
          })
          if (!row) throw new UpdateRefused(`${to.name} could not be sent a message.`)
        },
      },
    )
    if (!result.ok) throw new UpdateRefused(result.reason)
    sent++
  }
  return sent
}
