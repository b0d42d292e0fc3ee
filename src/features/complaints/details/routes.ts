// /complaints/:id/details: what the complaint is about, what happened and when, and what they
// want, changed after it was recorded (a portal complaint says only what happened), with a version check.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { dateInputValues, itemsOf } from '../../../web/forms.ts'
import { createDetailsService, type DetailsInput } from '../details-service.ts'
import { parseWithDates } from '../form.ts'
import { aboutNames } from '../labels.ts'
import { createComplaintPages } from '../page-service.ts'
import { stepPage } from '../stage-form.ts'
import { detailsOrder, detailsProblems, detailsSchema, happenedOnDate } from './schema.ts'

export default async function complaintDetails(app: FastifyInstance, deps: AppDeps) {
  const service = createDetailsService({ db: deps.database.db, clock: deps.clock })
  const pages = createComplaintPages({ db: deps.database.db, clock: deps.clock })
  stepPage(app, deps, {
    path: 'details',
    view: 'complaints/details/view.njk',
    allowed: () => true,
    initial: ({ complaint: c }) => ({
      about: c.about,
      aboutMediator: c.aboutMediatorId ?? '',
      aboutUser: c.aboutUserId ?? '',
      whatHappened: c.whatHappened,
      wantedOutcome: c.wantedOutcome,
      ...dateInputValues('happenedOn', c.happenedOn),
    }),
    extra: async () => ({ aboutItems: itemsOf(aboutNames), ...(await pages.detailsOptions()) }),
    parse: (body, today) => parseWithDates(detailsSchema, body, [happenedOnDate], today, detailsOrder, detailsProblems),
    field: 'about',
    submit: async (user, id, form: DetailsInput & { aboutMediator?: string; aboutUser?: string }) => {
      const result = await service.change(user, id, {
        ...form,
        aboutMediatorId: form.aboutMediator,
        aboutUserId: form.aboutUser,
      })
      if (!result.ok) return result
      return { ok: true, flash: 'Details changed' }
    },
  })
}
