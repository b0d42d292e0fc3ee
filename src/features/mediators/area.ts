import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import conflicts from './conflicts/routes.ts'
import logCpd from './cpd/routes.ts'
import editMediator from './edit/routes.ts'
import me from './me/routes.ts'
import newMediator from './new/routes.ts'
import panel from './panel/routes.ts'
import profile from './profile/routes.ts'
import unavailability from './unavailability/routes.ts'

export default async function mediatorsArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [panel, newMediator, me, profile, editMediator, logCpd, unavailability, conflicts])
    await page(app, deps)
}
