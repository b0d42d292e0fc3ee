import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { otherPartyKinds, type OtherPartyKind } from '../../../domain/request.ts'
import { questionPage } from '../question-page.ts'
import { partyNameField, withSchema } from './schema.ts'

const nameLabels: Record<OtherPartyKind, string> = {
  'local-authority': 'Name of the council (optional)',
  school: 'Name of the school, college or setting (optional)',
  health: 'Name of the health service (optional)',
  'social-care': 'Name of the social care team (optional)',
}

export default async function withWhom(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'with',
    view: 'intake/with/view.njk',
    schema: () => withSchema,
    values: (a) => ({
      parties: (a.otherParties ?? []).map((p) => p.kind),
      ...Object.fromEntries((a.otherParties ?? []).map((p) => [partyNameField(p.kind), p.name])),
    }),
    save: (a, data) => ({ ...a, otherParties: data.parties }),
    arrays: ['parties'],
    context: () => ({
      partyOptions: (Object.entries(otherPartyKinds) as [OtherPartyKind, string][]).map(([value, text]) => ({
        value,
        text,
        field: partyNameField(value),
        nameLabel: nameLabels[value],
      })),
    }),
  })
}
