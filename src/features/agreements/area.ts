// The meeting record, the SMART agreement and following it through. Pages are registered in this one list.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import final from './final/routes.ts'
import finalise from './finalise/routes.ts'
import followUp from './follow-up/routes.ts'
import meetingRecord from './meeting-record/routes.ts'
import notAgreed from './not-agreed/routes.ts'
import outcome from './outcome/routes.ts'
import overview from './overview/routes.ts'
import points from './points/routes.ts'
import review from './review/routes.ts'

const pages: ((app: FastifyInstance, deps: AppDeps) => Promise<void>)[] = [
  overview,
  meetingRecord,
  points,
  notAgreed,
  review,
  finalise,
  final,
  followUp,
  outcome,
]

export default async function agreementsArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of pages) await page(app, deps)
}
