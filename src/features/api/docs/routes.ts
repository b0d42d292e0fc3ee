// GET /api/docs/openapi.json: the API's OpenAPI 3.1 document, public.
import type { FastifyInstance } from 'fastify'
import { openApiDocument } from './openapi.ts'

export default async function openapi(app: FastifyInstance) {
  const document = openApiDocument()
  app.get('/api/docs/openapi.json', { config: { access: 'public' } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600')
    return reply.send(document)
  })
}
