// "Check your answers", and sending: the case is made once, whatever the number of posts, and
// the confirmation is shown only after it is committed (post, redirect, get).
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import bankHolidays from '../../../domain/bank-holidays.json' with { type: 'json' }
import { createCalendar } from '../../../domain/calendar.ts'
import { parseForm } from '../../../web/forms.ts'
import { createCase } from '../../cases/index.ts'
import { checkCouncil } from '../council.ts'
import { checkPath, confirmationPath, firstUnanswered, readState, toFacts, writeState } from '../journey.ts'
import { sendSchema } from './schema.ts'
import { summarySections } from './summary.ts'

const calendar = createCalendar(bankHolidays)
const actor = { label: 'The person asking for help' }

export default async function check(app: FastifyInstance, deps: AppDeps) {
  const { database, clock } = deps

  app.get(checkPath, { config: { access: 'public' } }, async (request, reply) => {
    const state = readState(request)
    const today = clock.today()
    const facts = toFacts(state.answers, today)
    if (!facts) return reply.redirect(firstUnanswered(state.answers, today), 303)
    // From here on, each page they change returns here; the key stays the same until sent.
    writeState(request, { ...state, reviewing: true, submissionKey: state.submissionKey ?? randomUUID() })
    const council = await checkCouncil(database.db, facts.child.postcode)
    return reply.view('intake/check/view.njk', {
      sections: summarySections(facts, council),
      submissionKey: request.session.request?.submissionKey,
      referring: !!facts.permission,
    })
  })

  app.post(
    checkPath,
    { config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } } },
    async (request, reply) => {
      const form = parseForm(sendSchema, request.body)
      if (!form.ok) {
        return reply.code(400).view('errors/problem.njk', {
          status: 400,
          message: 'Something in the request was not in the right form. Go back and try again.',
        })
      }
      const state = readState(request)
      const key = form.data.submissionKey
      // Sent already (a double click, or the browser retrying): show the same confirmation.
      if (state.sent?.submissionKey === key) return reply.redirect(confirmationPath, 303)
      // A form from an old page: show the answers as they are now.
      if (state.submissionKey !== key) return reply.redirect(checkPath, 303)
      const today = clock.today()
      const facts = toFacts(state.answers, today)
      if (!facts) return reply.redirect(firstUnanswered(state.answers, today), 303)

      const created = await createCase(database.db, clock, { facts, channel: 'online', actor, submissionKey: key })
      const council = await checkCouncil(database.db, facts.child.postcode)
      writeState(request, {
        answers: {},
        sent: {
          reference: created.reference,
          submissionKey: key,
          replyBy: calendar.addWorkingDays(today, 1),
          inFreeArea: council.inFreeArea,
        },
      })
      return reply.redirect(confirmationPath, 303)
    },
  )
}
