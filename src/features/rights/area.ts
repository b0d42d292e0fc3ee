// People's rights (/rights): subject access, rectification and erasure requests, in one list.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import correctPage from './correct/routes.ts'
import decisionForms from './decision/routes.ts'
import exportPages from './exports/routes.ts'
import listPage from './list/routes.ts'
import newRequest from './new/routes.ts'
import requestPage from './request/routes.ts'

export default async function rightsArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [listPage, newRequest, requestPage, decisionForms, correctPage, exportPages]) await page(app, deps)
}
