// The pages that take one step on a complaint (acknowledge, answer, next stage): the complaint as
// its page shows it, the step's own form, and the answer of the step's one service call.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import type { Result } from '../../domain/result.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { currentUser } from '../../web/auth.ts'
import { submitForm, type FormErrors, type FormResult } from '../../web/forms.ts'
import { complaintNotFound, complaintPath, complaintsAccess } from './page.ts'
import { createComplaintPages } from './page-service.ts'

type ComplaintPage = NonNullable<Awaited<ReturnType<ReturnType<typeof createComplaintPages>['complaint']>>>

export interface StepPage {
  /** The last part of the address: /complaints/:id/<path>. */
  path: string
  view: string
  /** Whether the step can be taken now (else the complaint's page). */
  allowed(page: ComplaintPage, user: StaffUser): boolean
  /** The form's first values. */
  initial(page: ComplaintPage, today: string): Record<string, unknown>
  /** More for the view. */
  extra?(page: ComplaintPage, today: string): Record<string, unknown> | Promise<Record<string, unknown>>
  parse(body: Record<string, unknown>, today: string): FormResult<unknown>
  field: string
  submit(user: StaffUser, id: string, data: never): Promise<Result<{ flash: string }>>
}

type Params = { Params: { id: string } }

export function stepPage(app: FastifyInstance, deps: AppDeps, step: StepPage) {
  const pages = createComplaintPages({ db: deps.database.db, clock: deps.clock })
  const url = `/complaints/:id/${step.path}`

  async function render(
    reply: FastifyReply,
    page: ComplaintPage,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const today = deps.clock.today()
    return reply.view(step.view, {
      ...page,
      ...(await step.extra?.(page, today)),
      today,
      values: extra.values ?? { version: String(page.complaint.version), ...step.initial(page, today) },
      errors: extra.errors,
      backLink: complaintPath(page.complaint.id),
    })
  }

  app.get<Params>(url, { config: complaintsAccess }, async (request, reply) => {
    const user = currentUser(request)
    const page = await pages.complaint(user, request.params.id.toLowerCase())
    if (!page) return complaintNotFound(reply)
    if (!step.allowed(page, user)) return reply.redirect(complaintPath(page.complaint.id), 303)
    return render(reply, page)
  })

  app.post<Params>(url, { config: complaintsAccess }, async (request, reply) => {
    const user = currentUser(request)
    const id = request.params.id.toLowerCase()
    const page = await pages.complaint(user, id)
    if (!page) return complaintNotFound(reply)
    return submitForm(request, reply, {
      parse: (body) => step.parse(body, deps.clock.today()),
      render: async (reply, extra) => {
        // The complaint as it is now, with what they typed: after "someone else changed this" they
        // see the change and may send theirs again (the form now carries the version they saw).
        const now = (await pages.complaint(user, id)) ?? page
        return render(reply, now, { ...extra, values: { ...extra.values, version: String(now.complaint.version) } })
      },
      field: step.field,
      submit: async (data) => {
        const result = await step.submit(user, id, data as never)
        if (!result.ok) return result
        return { ok: true, redirect: complaintPath(id), flash: result.flash }
      },
    })
  })
}
