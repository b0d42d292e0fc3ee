// /admin/bank-holidays: which years the working-day calendar covers and where its bank holidays
// came from, and a newer copy of GOV.UK's bank-holidays.json pasted in by an administrator. After an
// upload every open case's deadlines are worked out again.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import { auditActorOf } from '../../audit/index.ts'
import { adminOnly } from '../access.ts'
import { recomputingText } from '../settings/names.ts'
import { bodyLimitBytes, uploadSchema } from './schema.ts'
import { calendarStatus, uploadBankHolidays, type Uploaded } from './service.ts'

const view = 'admin/bank-holidays/view.njk'

/** Too much to read: said plainly. The body was never read, so nothing of the page is shown. */
async function tooLarge(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error // the app's own error page
  const message =
    `What you pasted is larger than ${bodyLimitBytes / 1024 / 1024} MB, so it was not read. ` +
    'GOV.UK’s bank holidays file is much smaller: go back, check you copied the file from https://www.gov.uk/bank-holidays.json, and paste it again.'
  return reply.code(413).view('errors/problem.njk', { status: 413, message })
}

function uploadedText(result: Uploaded): string {
  const { keptYears: years } = result
  const kept = years
    ? ` (${years.from === years.to ? years.from : `${years.from} to ${years.to}`} kept from the previous calendar)`
    : ''
  return (
    `Bank holidays updated. The calendar now has published bank holidays from ${result.coveredFromYear} to ${result.publishedUntilYear}${kept}` +
    (result.coveredUntilYear > result.publishedUntilYear
      ? `, and provisional ones to ${result.coveredUntilYear}. `
      : '. ') +
    recomputingText
  )
}

export default async function bankHolidays(app: FastifyInstance, { database, clock }: AppDeps) {
  const db = database.db
  const render = async (reply: FastifyReply, values: unknown = {}, errors?: FormErrors) =>
    reply.view(view, { status: await calendarStatus(db, clock), values, errors })

  app.get('/admin/bank-holidays', { config: adminOnly }, async (_request, reply) => render(reply))

  app.post(
    '/admin/bank-holidays',
    { config: adminOnly, bodyLimit: bodyLimitBytes, errorHandler: tooLarge },
    async (request, reply) =>
      submitForm(request, reply, {
        parse: (body) => parseForm(uploadSchema, body),
        render: (reply, { values, errors }) => render(reply, values, errors),
        field: 'bankHolidays',
        submit: async (data) => {
          const userId = currentUser(request).id
          const result = await uploadBankHolidays(db, clock, data.bankHolidays, auditActorOf(request))
          if (!result.ok) return result
          request.log.info({ by: userId, publishedUntilYear: result.publishedUntilYear }, 'bank holidays uploaded')
          return { ok: true, redirect: '/admin/bank-holidays', flash: uploadedText(result) }
        },
      }),
  )
}
