// /venues: the neutral places (and online rooms) meetings are held in, with their rooms and access.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { caseWorkers } from '../../cases/index.ts'
import { meetingServiceOf } from '../page.ts'
import { accessFeatures, formatPence } from './schema.ts'

/** Coordinators, managers and administrators keep the venues. */
export const venueAccess = { access: caseWorkers }

export function accessSummary(v: {
  kind: string
  stepFree: boolean
  hearingLoop: boolean
  parking: boolean
  quietRoom: boolean
}) {
  if (v.kind === 'online') return 'Online'
  const has = (Object.keys(accessFeatures) as (keyof typeof accessFeatures)[])
    .filter((k) => v[k])
    .map((k) => accessFeatures[k])
  return has.length ? has.join(', ') : 'None recorded'
}

export const costText = (costPence: number) => (costPence === 0 ? 'Free' : `£${formatPence(costPence)}`)

export default async function venueList(app: FastifyInstance, deps: AppDeps) {
  const meetings = meetingServiceOf(deps)

  app.get('/venues', { config: venueAccess }, async (_request, reply) => {
    const rows = await meetings.venueList()
    return reply.view('meetings/venues/view.njk', {
      venues: rows.map((v) => ({
        ...v,
        access: accessSummary(v),
        cost: costText(v.costPence),
        roomsText:
          v.kind === 'online'
            ? 'Not needed'
            : v.rooms.length
              ? v.rooms.map((r) => `${r.name} (${r.capacity}${r.isBreakout ? ', breakout' : ''})`).join(', ')
              : 'No rooms yet',
      })),
    })
  })
}
