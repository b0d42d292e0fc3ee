import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { interpreterLanguages, knownLanguage, OTHER_LANGUAGE } from '../../../domain/languages.ts'
import { adjustmentKinds } from '../../../domain/request.ts'
import { optionsOf } from '../journey.ts'
import { questionPage } from '../question-page.ts'
import { adjustmentsSchema, noAdjustments } from './schema.ts'

export default async function adjustments(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'adjustments',
    view: 'intake/adjustments/view.njk',
    schema: () => adjustmentsSchema,
    values: (a) => ({
      adjustments: !a.adjustments ? [] : a.adjustments.kinds.length ? a.adjustments.kinds : [noAdjustments],
      // A language of the list is chosen in it; another is "another language", typed in.
      language: !a.adjustments?.language ? undefined : (knownLanguage(a.adjustments.language) ?? OTHER_LANGUAGE),
      otherLanguage:
        a.adjustments?.language && !knownLanguage(a.adjustments.language) ? a.adjustments.language : undefined,
      details: a.adjustments?.details,
    }),
    save: (a, data) => ({ ...a, adjustments: data }),
    arrays: ['adjustments'],
    context: () => ({
      kinds: optionsOf(adjustmentKinds),
      noAdjustments,
      languages: interpreterLanguages,
      otherLanguage: OTHER_LANGUAGE,
    }),
  })
}
