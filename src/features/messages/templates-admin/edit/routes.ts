// /admin/templates/:key: change the wording of one message. "Preview" shows it filled in with
// invented details (and the service's own); "Save" keeps it. A placeholder the message does not
// have is refused, naming it. "Return to the standard wording" forgets the change.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { MessagesDeps } from '../../deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { parseForm, type FormErrors } from '../../../../web/forms.ts'
import { serviceValues } from '../../service-values.ts'
import {
  currentWording,
  fillPlaceholders,
  resetWording,
  sampleValues,
  saveWording,
  unknownPlaceholders,
  type MessageTemplate,
} from '../../templates.ts'
import { templatesAdmin } from '../routes.ts'
import { bodyMaxLength, subjectMaxLength, wordingSchema } from './schema.ts'

const view = 'messages/templates-admin/edit/view.njk'
const list = (names: string[]) => names.map((n) => `((${n}))`).join(', ')

export default async function editTemplate(app: FastifyInstance, { database, clock, templates }: MessagesDeps) {
  const db = database.db
  const templateOf = (key: unknown) => templates.find((t) => t.key === key)

  async function render(
    reply: FastifyReply,
    template: MessageTemplate,
    extra: { values: { subject?: unknown; body?: unknown }; errors?: FormErrors; preview?: boolean },
  ) {
    const wording = await currentWording(db, template)
    const samples = sampleValues(template, await serviceValues(db))
    const subject = String(extra.values.subject ?? '')
    const body = String(extra.values.body ?? '')
    return reply.view(view, {
      template,
      changed: wording.changed,
      values: extra.values,
      errors: extra.errors,
      placeholders: template.placeholders.map((p) => ({ name: `((${p}))`, sample: samples[p] })),
      preview: extra.preview
        ? { subject: fillPlaceholders(subject, samples), body: fillPlaceholders(body, samples) }
        : undefined,
      subjectMaxLength,
      bodyMaxLength,
    })
  }

  app.get('/admin/templates/:key', { config: templatesAdmin }, async (request, reply) => {
    const template = templateOf((request.params as { key: string }).key)
    if (!template) return reply.code(404).view('errors/not-found.njk')
    const wording = await currentWording(db, template)
    return render(reply, template, { values: { subject: wording.subject, body: wording.body } })
  })

  app.post('/admin/templates/:key', { config: templatesAdmin }, async (request, reply) => {
    const template = templateOf((request.params as { key: string }).key)
    if (!template) return reply.code(404).view('errors/not-found.njk')
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(wordingSchema, body)
    const errors: FormErrors = form.ok ? { summary: [], fields: {} } : form.errors
    // Unknown placeholders, named, on the field that has them.
    for (const field of ['subject', 'body'] as const) {
      const unknown = unknownPlaceholders(template, String(body[field] ?? ''))
      if (!unknown.length || errors.fields[field]) continue
      const text = `${field === 'subject' ? 'The subject' : 'The message'} uses ${list(unknown)}, which this message does not have. Use only ${list([...template.placeholders])}`
      errors.fields[field] = { text }
      errors.summary.push({ text, href: `#${field}` })
    }
    errors.summary.sort((a, b) => (a.href === '#subject' ? -1 : b.href === '#subject' ? 1 : 0))
    if (!form.ok || errors.summary.length) return render(reply.code(400), template, { values: body, errors })

    if (form.data.action === 'preview') return render(reply, template, { values: body, preview: true })
    const saved = await saveWording(
      db,
      clock,
      template,
      { subject: form.data.subject, body: form.data.body },
      currentUser(request).id,
    )
    if (!saved.ok)
      return render(reply.code(400), template, {
        values: body,
        errors: {
          summary: [{ text: `Remove ${list(saved.unknown)}`, href: '#body' }],
          fields: { body: { text: `Remove ${list(saved.unknown)}` } },
        },
      })
    request.session.flash = `The wording of "${template.name}" is saved`
    return reply.redirect('/admin/templates', 303)
  })

  app.post('/admin/templates/:key/reset', { config: templatesAdmin }, async (request, reply) => {
    const template = templateOf((request.params as { key: string }).key)
    if (!template) return reply.code(404).view('errors/not-found.njk')
    await resetWording(db, template)
    request.session.flash = `"${template.name}" is back to the standard wording`
    return reply.redirect(`/admin/templates/${template.key}`, 303)
  })
}
