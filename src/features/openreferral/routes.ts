// /api/openreferral/...: the Open Referral UK (version 3) endpoints, as JSON, open to anyone (no
// token) and readable from any website (CORS), for councils' Local Offer directories to take in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sendProblem } from '../../web/problem.ts'
import { pageQuery } from './schema.ts'
import type { FeedService, Page, PageRequest } from './service.ts'

export const FEED = '/api/openreferral'
const open = { access: 'public', rateLimit: { max: 600, timeWindow: '1 minute' } } as const

type Lists = 'services' | 'organizations' | 'locations' | 'servicesAtLocations'
type Ones = 'service' | 'organization' | 'location' | 'serviceAtLocation'

const endpoints: { path: string; list: Lists; one: Ones }[] = [
  { path: 'services', list: 'services', one: 'service' },
  { path: 'organizations', list: 'organizations', one: 'organization' },
  { path: 'locations', list: 'locations', one: 'location' },
  { path: 'service_at_locations', list: 'servicesAtLocations', one: 'serviceAtLocation' },
]

function readPage(request: FastifyRequest, reply: FastifyReply): PageRequest | undefined {
  const query = pageQuery.safeParse(request.query ?? {})
  if (query.success) return { page: query.data.page, perPage: query.data.per_page }
  const issue = query.error.issues[0]!
  sendProblem(reply, 400, issue.message, { fields: { [String(issue.path[0])]: issue.message } })
  return undefined
}

export default async function feedRoutes(app: FastifyInstance, feed: FeedService, openapiUrl: string) {
  app.get(`${FEED}/`, { config: open }, async () => ({
    version: '3.0',
    profile: 'https://openreferraluk.org/',
    openapi_url: openapiUrl,
  }))

  for (const { path, list, one } of endpoints) {
    app.get(`${FEED}/${path}`, { config: open }, async (request, reply): Promise<Page | void> => {
      const page = readPage(request, reply)
      if (page) return feed[list](page)
    })
    app.get(`${FEED}/${path}/:id`, { config: open }, async (request, reply) => {
      const found = await feed[one]((request.params as { id: string }).id)
      if (found) return found
      return sendProblem(reply, 404, `There is no ${path.replace(/s$/, '').replaceAll('_', ' ')} with this id.`)
    })
  }
}
