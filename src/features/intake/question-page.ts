// One question page of the journey: GET shows it with the saved answer, POST checks the answer,
// saves it in the session and moves on. A page reached out of order sends the person to the
// first question they have not answered.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { AppDeps } from '../../app-deps.ts'
import { asArray, parseForm, submitForm } from '../../web/forms.ts'
import {
  backPath,
  canVisit,
  firstUnanswered,
  nextPath,
  readState,
  stepFor,
  writeState,
  type Answers,
} from './journey.ts'

export interface PageContext {
  answers: Answers
  today: string
  deps: AppDeps
}

export interface QuestionPage<T> {
  slug: string
  view: string
  /** Checks the form; it may depend on earlier answers (who is asking) and today's date. */
  schema(ctx: PageContext): z.ZodType<T> | Promise<z.ZodType<T>>
  /** The form's fields from the saved answers, to show them again. */
  values(a: Answers, ctx: PageContext): Record<string, unknown>
  save(a: Answers, data: T): Answers
  /** Names of checkbox groups: a single ticked box arrives as a string. */
  arrays?: string[]
  /** More for the template (the options, the words that depend on who is asking). */
  context?(ctx: PageContext): Record<string, unknown> | Promise<Record<string, unknown>>
}

export function questionPage<T>(app: FastifyInstance, deps: AppDeps, page: QuestionPage<T>) {
  const step = stepFor(page.slug)
  const access = 'public' as const

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values: Record<string, unknown>; errors?: unknown },
  ) {
    const state = readState(request)
    const ctx: PageContext = { answers: state.answers, today: deps.clock.today(), deps }
    const context = (await page.context?.(ctx)) ?? {}
    return reply.view(page.view, { ...context, ...extra, backLink: backPath(page.slug, state, ctx.today) })
  }

  app.get(step.path, { config: { access } }, async (request, reply) => {
    const state = readState(request)
    const today = deps.clock.today()
    if (!canVisit(page.slug, state.answers, today)) return reply.redirect(firstUnanswered(state.answers, today), 303)
    return render(request, reply, { values: page.values(state.answers, { answers: state.answers, today, deps }) })
  })

  // The answer is kept in the session only: nothing is saved until the request is sent.
  app.post(step.path, { config: { access } }, async (request, reply) => {
    const state = readState(request)
    const today = deps.clock.today()
    if (!canVisit(page.slug, state.answers, today)) return reply.redirect(firstUnanswered(state.answers, today), 303)
    const schema = await page.schema({ answers: state.answers, today, deps })
    return submitForm(request, reply, {
      parse: (body) => parseForm(schema, body),
      render: (reply, { values, errors }) =>
        render(request, reply, { errors, values: typedValues(values, page.arrays) }),
      field: 'form',
      submit: async (data) => {
        const next = { ...state, answers: page.save(state.answers, data) }
        writeState(request, next)
        return { ok: true, redirect: nextPath(page.slug, next, today) }
      },
    })
  })
}

/** What was typed, to show again with the errors; checkbox groups always as lists. */
function typedValues(body: Record<string, unknown>, arrays: string[] = []): Record<string, unknown> {
  const values = { ...body }
  delete values._csrf
  for (const name of arrays) values[name] = asArray(values[name])
  return values
}
