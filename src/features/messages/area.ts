// Messages: the outbox, sent messages, templates. Pages are registered in this one list.
import type { FastifyInstance } from 'fastify'
import type { MessagesDeps } from './deps.ts'
import caseMessages from './case-messages/routes.ts'
import caseMessage from './case-messages/message/routes.ts'
import sendUpdate from './case-messages/update/routes.ts'
import sentMessages from './sent/routes.ts'
import sentMessage from './sent/message/routes.ts'
import templatesList from './templates-admin/routes.ts'
import editTemplate from './templates-admin/edit/routes.ts'

const pages: ((app: FastifyInstance, deps: MessagesDeps) => Promise<void>)[] = [
  sentMessages,
  sentMessage,
  templatesList,
  editTemplate,
  caseMessages,
  sendUpdate,
  caseMessage,
]

export default async function messagesArea(app: FastifyInstance, deps: MessagesDeps) {
  for (const page of pages) await page(app, deps)
}
