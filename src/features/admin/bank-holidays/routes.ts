// /admin/bank-holidays: which years the working-day calendar covers and where its bank holidays
// came from, and a newer copy of GOV.UK's bank-holidays.json pasted in by an administrator. After an
// upload every open case's deadlines are worked out again.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { fieldError, parseForm, renderInvalid, type FormErrors } from '../../../web/forms.ts'
import { recomputeOpenDeadlines } from '../settings/recompute.ts'
import { adminOnly } from '../users/routes.ts'
import { bodyLimitBytes, uploadSchema } from './schema.ts'
import { calendarStatus, uploadBankHolidays } from './service.ts'

const view = 'admin/bank-holidays/view.njk'

/** Too much to read: said plainly. The body was never read, so nothing of the page is shown. */
async function tooLarge(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error // the app's own error page
  const message =
    `What you pasted is larger than ${bodyLimitBytes / 1024 / 1024} MB, so it was not read. ` +
    'GOV.UK’s bank holidays file is much smaller: go back, check you copied the file from https://www.gov.uk/bank-holidays.json, and paste it again.'
  return reply.code(413).view('errors/problem.njk', { status: 413, message })
}

export default async function bankHolidays(app: FastifyInstance, { database, clock }: AppDeps) {
  const db = database.db
  const page = async (values: unknown) => ({ status: await calendarStatus(db, clock), values })
  const invalid = async (reply: FastifyReply, errors: FormErrors, values: unknown) =>
    renderInvalid(reply, view, errors, await page(values))

  app.get('/admin/bank-holidays', { config: adminOnly }, async (_request, reply) => reply.view(view, await page({})))

  app.post(
    '/admin/bank-holidays',
    { config: adminOnly, bodyLimit: bodyLimitBytes, errorHandler: tooLarge },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>
      const form = parseForm(uploadSchema, body)
      if (!form.ok) return invalid(reply, form.errors, body)

      const userId = currentUser(request).id
      const result = await uploadBankHolidays(db, clock, form.data.bankHolidays, userId)
      if (!result.ok) return invalid(reply, fieldError('bankHolidays', result.error), body)
      request.log.info({ by: userId, coveredUntilYear: result.coveredUntilYear }, 'bank holidays uploaded')

      // For now in the request, batch by batch; see recompute.ts.
      const count = await recomputeOpenDeadlines(db, clock)
      request.log.info({ by: userId, cases: count }, 'deadlines worked out again after new bank holidays')

      const kept = result.keptYears
        ? ` (${result.keptYears.from === result.keptYears.to ? result.keptYears.from : `${result.keptYears.from} to ${result.keptYears.to}`} kept from the previous calendar)`
        : ''
      request.session.flash =
        `Bank holidays updated. The calendar now covers ${result.coveredFromYear} to ${result.coveredUntilYear}${kept}. ` +
        `The deadlines of ${count} ${count === 1 ? 'case' : 'cases'} that are not closed were worked out again`
      return reply.redirect('/admin/bank-holidays', 303)
    },
  )
}
