// "Work out your dates": a public page for parents and young people.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import datesResult from './result/routes.ts'
import datesForm from './routes.ts'

export default async function datesArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [datesForm, datesResult]) await page(app, deps)
}
