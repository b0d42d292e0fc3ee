// /admin/settings: the service settings and each commissioning authority's update cadence. A change
// to the appeal exclusion works out every open case's deadlines again.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import type { ServiceSettings } from '../../settings/index.ts'
import { auditActorOf } from '../../audit/index.ts'
import { currentUser } from '../../../web/auth.ts'
import { parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import { adminOnly } from '../access.ts'
import { exclusionNames, recomputingText } from './names.ts'
import { createSettingsAdminService } from './service.ts'
import { chaserLimits, dueSoonLimits, reminderLimits, settingsFormSchema } from './schema.ts'

const view = 'admin/settings/view.njk'

const asValues = (s: ServiceSettings) => ({
  appealExclusion: s.appealExclusion,
  chaserWorkingDays: String(s.chaserWorkingDays),
  dueSoonWorkingDays: String(s.dueSoonWorkingDays),
  meetingReminderDays: String(s.meetingReminderDays),
})

export default async function settingsPage(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createSettingsAdminService(database.db, clock)

  /** The page as the settings are now, with what was typed (else the settings) and any problems. */
  async function render(reply: FastifyReply, values?: Record<string, unknown>, errors?: FormErrors) {
    const { current, ...page } = await service.page()
    const context = { ...page, exclusionNames, chaserLimits, dueSoonLimits, reminderLimits }
    return reply.view(view, { ...context, values: values ?? asValues(current), errors })
  }

  app.get('/admin/settings', { config: adminOnly }, async (_request, reply) => render(reply))

  app.post('/admin/settings', { config: adminOnly }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => parseForm(settingsFormSchema, body),
      render: (reply, { values, errors }) => render(reply, values, errors),
      field: 'appealExclusion',
      submit: async ({ shown, ...chosen }) => {
        const userId = currentUser(request).id
        const saved = await service.save(shown, chosen, auditActorOf(request))
        if (!saved.ok) return saved
        const redirect = '/admin/settings'
        if (Object.keys(saved.changed).length === 0) return { ok: true, redirect, flash: 'Nothing was changed' }
        request.log.info({ by: userId, from: saved.from, changed: saved.changed }, 'service settings changed')
        if (!saved.recomputing) return { ok: true, redirect, flash: 'Settings saved' }
        request.log.info({ by: userId }, 'deadlines to be worked out again after the settings changed')
        return { ok: true, redirect, flash: `Settings saved. ${recomputingText}` }
      },
    }),
  )
}
