// /venues/new: add a venue (or an online meeting room). Its rooms are added on the venue's page.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { asArray, itemsOf, submitForm } from '../../../../web/forms.ts'
import { meetingServiceOf } from '../../page.ts'
import { venueAccess } from '../routes.ts'
import { accessFeatures, validateVenue } from '../schema.ts'

const view = 'meetings/venues/new/view.njk'
const accessItems = itemsOf(accessFeatures)

export default async function newVenue(app: FastifyInstance, deps: AppDeps) {
  const meetings = meetingServiceOf(deps)

  app.get('/venues/new', { config: venueAccess }, async (_request, reply) => {
    return reply.view(view, { values: { access: [], cost: '0' }, accessItems, backLink: '/venues' })
  })

  app.post('/venues/new', { config: venueAccess }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => validateVenue(body, 'new'),
      render: (reply, { values, errors }) =>
        reply.view(view, {
          errors,
          values: { ...values, access: asArray(values.access) },
          accessItems,
          backLink: '/venues',
        }),
      field: 'name',
      submit: async (input) => {
        const added = await meetings.createVenue(input, input.submissionKey!)
        if (!added.ok) return added
        return {
          ok: true,
          redirect: `/venues/${added.venueId}`,
          flash: `${input.name} added${input.kind === 'in-person' ? ': now add its rooms' : ''}`,
        }
      },
    }),
  )
}
