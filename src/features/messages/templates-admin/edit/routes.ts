// /admin/templates/:key: change the wording of one message. "Preview" shows it filled in with
// invented details (and the service's own); "Save" keeps it. A placeholder the message does not
// have is refused, naming it. "Return to the standard wording" forgets the change.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { MessagesDeps } from '../../deps.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { notFound } from '../../../../web/errors.ts'
import { submitForm, type FormErrors } from '../../../../web/forms.ts'
import type { MessageTemplate } from '../../templates.ts'
import { createWordingService } from '../../wording-service.ts'
import { templatesAdmin } from '../routes.ts'
import { bodyMaxLength, readWording, subjectMaxLength } from './schema.ts'

const view = 'messages/templates-admin/edit/view.njk'

export default async function editTemplate(app: FastifyInstance, { database, clock, templates }: MessagesDeps) {
  const wording = createWordingService({ db: database.db, clock, templates })
  const templateAt = (params: unknown) => wording.templateOf((params as { key: string }).key)

  async function render(
    reply: FastifyReply,
    template: MessageTemplate,
    extra: { values: { subject?: unknown; body?: unknown }; errors?: FormErrors; preview?: boolean },
  ) {
    const page = await wording.page(template)
    const typed = { subject: String(extra.values.subject ?? ''), body: String(extra.values.body ?? '') }
    return reply.view(view, {
      template,
      changed: page.wording.changed,
      values: extra.values,
      errors: extra.errors,
      placeholders: page.placeholders,
      preview: extra.preview ? page.preview(typed) : undefined,
      subjectMaxLength,
      bodyMaxLength,
    })
  }

  app.get('/admin/templates/:key', { config: templatesAdmin }, async (request, reply) => {
    const template = templateAt(request.params)
    if (!template) return notFound(request, reply)
    const { wording: shown } = await wording.page(template)
    return render(reply, template, { values: { subject: shown.subject, body: shown.body } })
  })

  app.post('/admin/templates/:key', { config: templatesAdmin }, async (request, reply) => {
    const template = templateAt(request.params)
    if (!template) return notFound(request, reply)
    const body = (request.body ?? {}) as Record<string, unknown>
    // "Preview" answers with the page, the wording filled in, saving nothing.
    if (body.action !== 'save') {
      const form = readWording(template, body)
      if (!form.ok) return render(reply.code(400), template, { values: body, errors: form.errors })
      return render(reply, template, { values: body, preview: true })
    }
    return submitForm(request, reply, {
      parse: (fields) => readWording(template, fields),
      render: (reply, extra) => render(reply, template, extra),
      field: 'body',
      submit: async ({ subject, body }) => {
        const saved = await wording.save(template, { subject, body }, auditActorOf(request))
        if (!saved.ok) return saved
        return { ok: true, redirect: '/admin/templates', flash: `The wording of "${template.name}" is saved` }
      },
    })
  })

  // A button with no fields.
  app.post('/admin/templates/:key/reset', { config: templatesAdmin }, async (request, reply) => {
    const template = templateAt(request.params)
    if (!template) return notFound(request, reply)
    await wording.reset(template, auditActorOf(request))
    request.session.flash = `"${template.name}" is back to the standard wording`
    return reply.redirect(`/admin/templates/${template.key}`, 303)
  })
}
