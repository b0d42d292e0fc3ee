// The public "ask for help" journey, in the order the pages are asked (see journey.ts).
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import about from './about/routes.ts'
import adjustments from './adjustments/routes.ts'
import check from './check/routes.ts'
import child from './child/routes.ts'
import confirmation from './confirmation/routes.ts'
import contact from './contact/routes.ts'
import council from './council/routes.ts'
import decision from './decision/routes.ts'
import ehcPlan from './ehc-plan/routes.ts'
import permissionDetails from './permission-details/routes.ts'
import permissionNeeded from './permission-needed/routes.ts'
import permission from './permission/routes.ts'
import postcode from './postcode/routes.ts'
import supporter from './supporter/routes.ts'
import whatHappened from './what-happened/routes.ts'
import withWhom from './with/routes.ts'
import who from './who/routes.ts'
import yourName from './your-name/routes.ts'

export default async function intakeArea(app: FastifyInstance, deps: AppDeps) {
  const pages = [
    who,
    yourName,
    permission,
    permissionNeeded,
    permissionDetails,
    child,
    postcode,
    council,
    ehcPlan,
    about,
    decision,
    withWhom,
    whatHappened,
    contact,
    adjustments,
    supporter,
    check,
    confirmation,
  ]
  for (const page of pages) await page(app, deps)
}
