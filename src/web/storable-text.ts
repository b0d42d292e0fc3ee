// Form posts (and query strings) whose text PostgreSQL cannot store, refused before any route
// runs: 400, naming the field, and nothing saved. The JSON API checks its own bodies the same way
// (features/api/body.ts) after its token check, and answers as a problem.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { unstorableText } from '../domain/storable-text.ts'

export default fp(async function storableText(app: FastifyInstance) {
  app.addHook('preValidation', async (request, reply) => {
    if (request.url.startsWith('/api/')) return
    const bad = unstorableText(request.query) ?? unstorableText(request.body)
    if (!bad) return
    request.log.info({ field: bad.path }, 'refused text that cannot be stored')
    const field = bad.path.replace(/\.\d+$/, '') || 'the form'
    return reply.code(400).view('errors/problem.njk', {
      status: 400,
      message: `The answer to “${field}” has a character that cannot be saved (a NUL character, or half of an emoji or other character). Go back, remove it and try again. Nothing was saved.`,
    })
  })
})
