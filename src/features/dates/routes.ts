// /dates: "Work out your dates", for a parent or young person. The form is a GET to /dates/result.
import type { FastifyInstance } from 'fastify'
import { datesQuerySchema, stageDates, stages } from './schema.ts'

export const datesView = 'dates/view.njk'

/** The form's radios and what was typed. */
export function datesPage(values: Record<string, unknown>) {
  return {
    values,
    stageItems: Object.entries(stages).map(([value, text]) => ({
      value,
      text,
      ...(value in stageDates ? { hint: { text: 'Also tell us the date, below.' } } : {}),
    })),
  }
}

export default async function datesForm(app: FastifyInstance) {
  // Answers in the query string (from "Change your answers") fill the form in again.
  app.get('/dates', { config: { access: 'public' } }, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>
    const known = Object.keys(datesQuerySchema.shape)
    return reply.view(
      datesView,
      datesPage(
        Object.fromEntries(Object.entries(query).filter(([k, v]) => known.includes(k) && typeof v === 'string')),
      ),
    )
  })
}
