// "Check your answers", and sending: the case is made once, whatever the number of posts, and
// the confirmation is shown only after it is committed (post, redirect, get).
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import { checkCouncil } from '../council.ts'
import { checkPath, confirmationPath, firstUnanswered, readState, toFacts, writeState } from '../journey.ts'
import { sendRequest } from '../send.ts'
import { sendSchema } from './schema.ts'
import { summarySections } from './summary.ts'

export default async function check(app: FastifyInstance, deps: AppDeps) {
  const { database, clock } = deps

  /** The answers so far, with the form's one-time key; a journey not finished goes back to it. */
  async function render(request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
    const state = readState(request)
    const today = clock.today()
    const facts = toFacts(state.answers, today)
    if (!facts) return reply.redirect(firstUnanswered(state.answers, today), 303)
    // From here on, each page they change returns here; the key stays the same until sent.
    const submissionKey = state.submissionKey ?? randomUUID()
    writeState(request, { ...state, reviewing: true, submissionKey })
    const council = await checkCouncil(database.db, state.answers.council)
    return reply.view('intake/check/view.njk', {
      sections: summarySections(facts, council, today),
      submissionKey,
      referring: !!facts.permission,
      errors,
    })
  }

  app.get(checkPath, { config: { access: 'public' } }, async (request, reply) => render(request, reply))

  app.post(
    checkPath,
    { config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } } },
    async (request, reply) =>
      submitForm(request, reply, {
        parse: (body) => parseForm(sendSchema, body),
        render: (reply, { errors }) => render(request, reply, errors),
        field: 'submissionKey',
        submit: async ({ submissionKey }) => {
          const state = readState(request)
          // Sent already from this browser (whose answers are gone): show the same confirmation.
          if (state.sent?.submissionKey === submissionKey) return { ok: true, redirect: confirmationPath }
          // A form from an old page: show the answers as they are now.
          if (state.submissionKey !== submissionKey) return { ok: true, redirect: checkPath }
          const today = clock.today()
          const facts = toFacts(state.answers, today)
          if (!facts) return { ok: true, redirect: firstUnanswered(state.answers, today) }
          const sent = await sendRequest(database.db, clock, { facts, council: state.answers.council }, submissionKey)
          writeState(request, { answers: {}, sent })
          return { ok: true, redirect: confirmationPath }
        },
      }),
  )
}
