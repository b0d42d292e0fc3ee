// The outbox. A message is written in the same transaction as the change that causes it; a job
// delivers it afterwards (see delivery.ts). Callers pass their transaction: if it rolls back, no
// message exists, and if it commits, the message will be delivered.
import { z } from 'zod'
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/client.ts'
import type { caseParties, MessageAttachment } from '../../db/schema/index.ts'
import type { ContactMethod } from '../../domain/request.ts'
import { insertMessage, partyRow } from './outbox-repository.ts'
import { renderMessage, type MessageTemplate } from './templates.ts'

export type Channel = 'email' | 'letter' | 'text'

export type Attachment = MessageAttachment

/** What messages.attachments holds, checked before it is written (so reads need no checks). */
const attachmentsSchema = z.array(
  z
    .object({
      filename: z.string().min(1).max(200),
      contentType: z.string().min(1).max(200),
      content: z.base64(),
    })
    .strict(),
)

export interface Recipient {
  partyId?: string
  name: string
  email?: string | null
  phone?: string | null
  address?: string | null
  /** The ways they asked to be contacted, most preferred first. */
  methods?: readonly ContactMethod[]
  largePrint?: boolean
}

export interface NewMessage {
  caseId?: string
  to: Recipient
  template: MessageTemplate
  values: Readonly<Record<string, string>>
  attachments?: readonly Attachment[]
  /** Queueing twice with the same key queues one message (reminders, retried requests). */
  dedupeKey?: string
  createdBy?: string
  /** Overrides the recipient's preference (a sign-in link must go by email or text). */
  channel?: Channel
}

/** The channel that honours the person's preference, among those we have details for. */
export function chooseChannel(to: Recipient): { channel: Channel; address: string } | null {
  const usable: Record<ContactMethod, () => { channel: Channel; address: string } | null> = {
    email: () => (to.email ? { channel: 'email', address: to.email } : null),
    text: () => (to.phone ? { channel: 'text', address: to.phone } : null),
    post: () => (to.address ? { channel: 'letter', address: to.address } : null),
    // Someone who prefers calls still needs the written message: a text, then email, then a letter.
    phone: () => usable.text() ?? usable.email() ?? usable.post(),
  }
  for (const method of to.methods ?? []) {
    const found = usable[method]()
    if (found) return found
  }
  return usable.email() ?? usable.text() ?? usable.post()
}

function addressFor(to: Recipient, channel: Channel): string | null {
  return (channel === 'email' ? to.email : channel === 'text' ? to.phone : to.address) ?? null
}

/**
 * Writes a message to the outbox in the caller's transaction. Returns null when the person has no
 * address for any channel (the caller should tell staff), or when the dedupe key was used before.
 */
export async function queueMessage(tx: Tx, clock: Clock, message: NewMessage) {
  const route = message.channel
    ? (() => {
        const address = addressFor(message.to, message.channel)
        return address ? { channel: message.channel, address } : null
      })()
    : chooseChannel(message.to)
  if (!route) return null
  const { subject, body } = await renderMessage(tx, message.template, message.values)
  const row = await insertMessage(tx, {
    caseId: message.caseId,
    partyId: message.to.partyId,
    dedupeKey: message.dedupeKey,
    channel: route.channel,
    recipientName: message.to.name,
    recipientAddress: route.address,
    templateKey: message.template.key,
    subject,
    body,
    attachments: attachmentsSchema.parse(message.attachments ?? []),
    largePrint: message.to.largePrint ?? false,
    nextAttemptAt: clock.now(),
    createdBy: message.createdBy,
    createdAt: clock.now(),
  })
  return row ?? null
}

/** A party of a case as a recipient: their details, preferred channel and large print. */
export async function partyRecipient(tx: Tx, partyId: string): Promise<Recipient> {
  const party = await partyRow(tx, partyId)
  if (!party) throw new Error(`No party ${partyId}`)
  return recipientOf(party)
}

/** A party's row as a recipient (their postal address and ways of contact are in their preferences). */
export function recipientOf(party: typeof caseParties.$inferSelect): Recipient {
  return {
    partyId: party.id,
    name: party.name,
    email: party.email,
    phone: party.phone,
    address: party.contactPreferences.address ?? null,
    methods: party.contactPreferences.methods ?? [],
    largePrint: party.adjustments.kinds?.includes('large-print') ?? false,
  }
}

/** Queues a message to a party of the case, by the way they prefer. */
export async function queueForParty(tx: Tx, clock: Clock, partyId: string, message: Omit<NewMessage, 'to'>) {
  return queueMessage(tx, clock, { ...message, to: await partyRecipient(tx, partyId) })
}
