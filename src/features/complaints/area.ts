// The complaints register (/complaints) and the feedback results (/feedback), in one list.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import acknowledge from './acknowledge/routes.ts'
import complaintPage from './complaint/routes.ts'
import complaintDetails from './details/routes.ts'
import escalate from './escalate/routes.ts'
import feedback from './feedback/routes.ts'
import newComplaint from './new/routes.ts'
import register from './register/routes.ts'
import respond from './respond/routes.ts'

export default async function complaintsArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [
    register,
    newComplaint,
    complaintPage,
    acknowledge,
    respond,
    escalate,
    complaintDetails,
    feedback,
  ])
    await page(app, deps)
}
