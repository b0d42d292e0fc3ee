// Messages: the outbox, sent messages, templates. Pages are registered in this one list.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'

const pages: ((app: FastifyInstance, deps: AppDeps) => Promise<void>)[] = []

export default async function messagesArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of pages) await page(app, deps)
}
