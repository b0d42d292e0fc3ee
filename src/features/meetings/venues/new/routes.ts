// /venues/new: add a venue (or an online meeting room). Its rooms are added on the venue's page.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import type { Db } from '../../../../db/client.ts'
import { itemsOf, asArray } from '../../../../web/forms.ts'
import { submitOnce } from '../../../../web/submission.ts'
import { createMeetingService } from '../../service.ts'
import { venueAccess } from '../routes.ts'
import { accessFeatures, validateVenue } from '../schema.ts'

const view = 'meetings/venues/new/view.njk'

export default async function newVenue(app: FastifyInstance, { database, clock }: AppDeps) {
  const accessItems = itemsOf(accessFeatures)

  app.get('/venues/new', { config: venueAccess }, async (_request, reply) => {
    return reply.view(view, { values: { access: [], cost: '0' }, accessItems, backLink: '/venues' })
  })

  app.post('/venues/new', { config: venueAccess }, async (request, reply) => {
    const form = validateVenue(request.body, false)
    if (!form.ok)
      return reply.code(400).view(view, {
        errors: form.errors,
        values: { ...(request.body as object), access: asArray((request.body as { access?: unknown }).access) },
        accessItems,
        backLink: '/venues',
      })
    const to = await submitOnce(database.db, clock, request.body, async (tx) => {
      const venue = await createMeetingService({ db: tx as unknown as Db, clock }).createVenue(tx, form.data)
      return `/venues/${venue.id}`
    })
    request.session.flash = `${form.data.name} added${form.data.kind === 'in-person' ? ': now add its rooms' : ''}`
    return reply.redirect(to, 303)
  })
}
