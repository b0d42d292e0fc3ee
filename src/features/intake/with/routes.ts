import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { otherPartyKinds, type OtherPartyKind } from '../../../domain/request.ts'
import { councilsToName } from '../council.ts'
import type { Answers } from '../journey.ts'
import { questionPage } from '../question-page.ts'
import { ANOTHER_COUNCIL, councilField, partyNameField, withSchema } from './schema.ts'

const nameLabels: Record<OtherPartyKind, string> = {
  'local-authority': 'Name of the council',
  school: 'Name of the school, college or setting (optional)',
  health: 'Name of the health service (optional)',
  'social-care': 'Name of the social care team (optional)',
}

/** Up to this many councils are offered as radios; more, as a drop-down list (GOV.UK: radios unless the list is long). */
export const MOST_RADIOS = 8

/** The saved answer as the form's fields; an answer from before councils were offered is kept as a typed name. */
function values(a: Answers) {
  const parties = a.otherParties ?? []
  const council = parties.find((p) => p.kind === 'local-authority')
  const chosen = council?.council ?? (council?.name ? ANOTHER_COUNCIL : undefined)
  return {
    parties: parties.map((p) => p.kind),
    ...Object.fromEntries(
      parties.filter((p) => p.kind !== 'local-authority').map((p) => [partyNameField(p.kind), p.name]),
    ),
    ...(chosen ? { [councilField]: chosen } : {}),
    ...(chosen === ANOTHER_COUNCIL ? { [partyNameField('local-authority')]: council?.name } : {}),
  }
}

export default async function withWhom(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'with',
    view: 'intake/with/view.njk',
    schema: async () => withSchema(await councilsToName(deps.database.db)),
    values,
    save: (a, data) => ({ ...a, otherParties: data.parties }),
    arrays: ['parties'],
    context: async () => {
      const councils = await councilsToName(deps.database.db)
      return {
        councils,
        councilField,
        anotherCouncil: ANOTHER_COUNCIL,
        councilNameField: partyNameField('local-authority'),
        asSelect: councils.length > MOST_RADIOS,
        partyOptions: (Object.entries(otherPartyKinds) as [OtherPartyKind, string][]).map(([value, text]) => ({
          value,
          text,
          field: partyNameField(value),
          nameLabel: nameLabels[value],
        })),
      }
    },
  })
}
