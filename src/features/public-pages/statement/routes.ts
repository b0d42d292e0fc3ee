// /privacy, /accessibility and /cookies: the pages every public service must have, in the wording
// administrators set (Administration, Public pages), filled in with the provider's details.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { pageKinds, pages } from '../placeholders.ts'
import { createPublicPagesService } from '../service.ts'

export default async function statementPages(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createPublicPagesService({ db: database.db, clock })
  for (const kind of pageKinds) {
    app.get(pages[kind].path, { config: { access: 'public' } }, async (_request, reply) => {
      const { blocks, wording } = await service.statement(kind)
      return reply.view('public-pages/statement/view.njk', {
        kind,
        title: pages[kind].title,
        blocks,
        updatedAt: wording.updatedAt,
      })
    })
  }
}
