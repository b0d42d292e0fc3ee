// What staff see and do with messages: a case's messages, Sent messages, one message with its
// letter and attachments, trying a failed one again, and marking a letter posted.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { appendEvent, recordAccess, type Actor } from '../cases/index.ts'
import { letterPdf } from './letters.ts'
import {
  findMessage,
  listMessages,
  markLetterPosted,
  messagesOfCase,
  requeue,
  type MessageFilter,
  type MessageRow,
} from './repository.ts'

export type { MessageRow }

export function createMessageService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    caseMessages: (caseId: string) => messagesOfCase(db, caseId),

    /** Sent messages: those this person may see (their councils' cases, and messages to those cases' parties). */
    sentMessages: (user: StaffUser, filter: MessageFilter) => listMessages(db, user, filter),

    /** One message of this case; undefined when there is none, or it is another case's. */
    async messageOfCase(caseId: string, messageId: string): Promise<MessageRow | undefined> {
      const message = await findMessage(db, messageId)
      return message?.caseId === caseId ? message : undefined
    },

    /**
     * One message for Sent messages, if this person may see it (else undefined, as for none).
     * Reading a case's message is a read of personal data: a look is logged.
     */
    async message(
      user: StaffUser,
      messageId: string,
      look?: { userId: string; path: string },
    ): Promise<MessageRow | undefined> {
      const message = await findMessage(db, messageId, user)
      if (look && message?.caseId) await recordAccess(db, clock, { ...look, caseId: message.caseId })
      return message
    },

    /** The letter to print, with what goes in the envelope; undefined when the message is not a letter. */
    async letter(message: MessageRow): Promise<{ pdf: Buffer; filename: string } | undefined> {
      if (message.channel !== 'letter') return undefined
      const pdf = await letterPdf(db, message, { enclosures: true })
      const filename = `letter-${message.reference ?? 'parley'}-${message.id.slice(0, 8)}${message.largePrint ? '-large-print' : ''}.pdf`
      return { pdf, filename }
    },

    /** A failed message (or one kept while its channel was not set up) goes back in the queue now. */
    tryAgain: (id: string): Promise<boolean> => requeue(db, id, clock.now()),

    /** Staff printed and posted a letter: it is sent, with who posted it, and the case records it. */
    async markPosted(id: string, actor: Actor): Promise<boolean> {
      return db.transaction(async (tx) => {
        const row = await markLetterPosted(tx, id, actor.label, clock.now())
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
