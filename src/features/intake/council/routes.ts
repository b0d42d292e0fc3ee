import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import { councilQuestion, NONE } from '../council.ts'
import { backPath, canVisit, childWords, firstUnanswered, nextPath, readState, writeState } from '../journey.ts'
import { councilSchema } from './schema.ts'

/**
 * After the postcode: when it is in the area of a council the service works for, this tells the
 * person which (and plainly if the service may not be free there); otherwise, or when they say
 * the postcode's council is not theirs, it asks which council's area they live in, with "None of
 * these", which does not stop them.
 */
export default async function council(app: FastifyInstance, deps: AppDeps) {
  const path = '/request/council'

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    typed?: { values: Record<string, unknown>; errors: FormErrors },
  ) {
    const state = readState(request)
    const today = deps.clock.today()
    const postcode = state.answers.postcode!
    const question = await councilQuestion(deps.database.db, postcode)
    const choosing = (request.query as { choose?: string } | undefined)?.choose === 'yes'
    const common = { postcode, backLink: backPath('council', state, today), ...childWords(state.answers) }
    if (question.matched && !choosing && !typed) {
      // The postcode settles it: the answer is kept, and Continue goes on.
      const answered = { ...state, answers: { ...state.answers, council: question.matched.id } }
      writeState(request, answered)
      return reply.view('intake/council/view.njk', {
        ...common,
        council: question.matched,
        continueTo: nextPath('council', answered, today),
      })
    }
    const chosen = typed ? typed.values.council : state.answers.council
    return reply.view('intake/council/question.njk', {
      ...common,
      elsewhere: question.elsewhere,
      matched: question.matched,
      items: [
        ...question.councils.map((c) => ({
          value: c.id,
          text: c.name,
          checked: chosen === c.id,
          ...(c.freeForResidents ? {} : { hint: { text: 'Our service may not be free for people who live here.' } }),
        })),
        { divider: 'or' },
        {
          value: NONE,
          text: 'None of these',
          checked: chosen === NONE,
          hint: { text: 'You can still ask for help. Our service may not be free for you.' },
        },
      ],
      errors: typed?.errors,
    })
  }

  app.get(path, { config: { access: 'public' } }, async (request, reply) => {
    const state = readState(request)
    const today = deps.clock.today()
    if (!canVisit('council', state.answers, today) || !state.answers.postcode) {
      return reply.redirect(firstUnanswered(state.answers, today), 303)
    }
    return render(request, reply)
  })

  app.post(path, { config: { access: 'public' } }, async (request, reply) => {
    const state = readState(request)
    const today = deps.clock.today()
    if (!canVisit('council', state.answers, today) || !state.answers.postcode) {
      return reply.redirect(firstUnanswered(state.answers, today), 303)
    }
    const { councils } = await councilQuestion(deps.database.db, state.answers.postcode)
    return submitForm(request, reply, {
      parse: (body) =>
        parseForm(
          councilSchema(
            councils.map((c) => c.id),
            childWords(state.answers).self,
          ),
          body,
        ),
      render: (reply, typed) => render(request, reply, typed),
      field: 'council',
      submit: async ({ council }) => {
        const next = { ...state, answers: { ...state.answers, council } }
        writeState(request, next)
        return { ok: true, redirect: nextPath('council', next, today) }
      },
    })
  })
}
