// Allocating a mediator: the pages under /cases/:id/mediator, in one list.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import allocateMediator from './mediator/allocate/routes.ts'
import decideObjection from './mediator/objections/decide/routes.ts'
import newObjection from './mediator/objections/new/routes.ts'
import mediatorTab from './mediator/routes.ts'
import partyTold from './mediator/told/routes.ts'

export default async function allocationArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [mediatorTab, allocateMediator, partyTold, newObjection, decideObjection]) await page(app, deps)
}
