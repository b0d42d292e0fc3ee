// /cases/:id/portal (staff: coordinators, managers, administrators): the portal's side of a case.
// Record the family's permission for a third party who referred them (a SENDIASS officer, say)
// to see the case in the portal, withdraw it, and read the parties' feedback and complaints.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { and, eq } from 'drizzle-orm'
import type { AppDeps } from '../../../app-deps.ts'
import { caseParties } from '../../../db/schema/index.ts'
import { currentUser } from '../../../web/auth.ts'
import {
  combineErrors,
  dateInputValues,
  dateProblem,
  fieldError,
  parseForm,
  readDateInput,
  type FormErrors,
} from '../../../web/forms.ts'
import { submitOnce } from '../../../web/submission.ts'
import { caseWorkers, recordAccess, caseContext, visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { partyLabel } from '../../preparation/index.ts'
import { heardLabels, satisfactionLabels } from '../feedback/schema.ts'
import { feedbackOf, permissionsOf } from '../repository.ts'
import { recordPermission, withdrawPermissionByStaff } from '../service.ts'
import { permissionFieldOrder, permissionSchema } from './schema.ts'

const view = 'portal/staff/view.njk'

class Refused extends Error {}
const access = { access: caseWorkers }

export default async function portalStaff(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const { clock } = deps
  const actor = (request: FastifyRequest) => ({ userId: currentUser(request).id, label: currentUser(request).name })

  async function render(reply: FastifyReply, found: CaseRow, values?: Record<string, unknown>, errors?: FormErrors) {
    const [referrers, permissions, feedback] = await Promise.all([
      db
        .select()
        .from(caseParties)
        .where(and(eq(caseParties.caseId, found.id), eq(caseParties.role, 'referrer'))),
      permissionsOf(db, found.id),
      feedbackOf(db, found.id),
    ])
    const label = (l: Record<string, string>, v: unknown) => l[String(v)] ?? ''
    return reply.view(view, {
      ...caseContext(found, 'overview'),
      referrerItems: referrers.map((r) => ({
        value: r.id,
        text: r.organisation ? `${r.name}, ${r.organisation}` : r.name,
      })),
      permissions: permissions.map(({ permission, party }) => ({
        ...permission,
        who: party.organisation ? `${party.name}, ${party.organisation}` : party.name,
      })),
      feedback: feedback
        .filter((f) => f.feedback.kind === 'feedback')
        .map(({ feedback: f, party }) => {
          const a = f.answers as Record<string, unknown>
          return {
            from: partyLabel(party),
            at: f.submittedAt,
            satisfaction: label(satisfactionLabels, a.satisfaction),
            heard: label(heardLabels, a.heard),
            comment: String(a.comment ?? ''),
          }
        }),
      complaints: feedback
        .filter((f) => f.feedback.kind === 'complaint')
        .map(({ feedback: f, party }) => {
          const a = f.answers as Record<string, unknown>
          return {
            from: partyLabel(party),
            at: f.submittedAt,
            status: f.status,
            complaint: String(a.complaint ?? ''),
            outcome: String(a.outcome ?? ''),
          }
        }),
      values: values ?? { ...dateInputValues('givenOn', clock.today()) },
      errors,
    })
  }

  app.get('/cases/:id/portal', { config: access }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    await recordAccess(db, clock, { userId: currentUser(request).id, caseId: found.id, path: request.url })
    return render(reply, found)
  })

  app.post('/cases/:id/portal/permissions', { config: access }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(permissionSchema, body)
    const date = readDateInput(body, 'givenOn', 'the date permission was given')
    const errors = combineErrors(permissionFieldOrder, form.ok ? undefined : form.errors, dateProblem(date))
    if (errors || !form.ok || !date.ok) return render(reply.code(400), found, body, errors)
    let refusal: FormErrors | undefined
    const next = await submitOnce(db, clock, body, async (tx) => {
      const result = await recordPermission(
        tx,
        clock,
        found.id,
        {
          partyId: form.data.party,
          givenBy: form.data.givenBy,
          givenOn: date.value,
          how: form.data.how,
          forWhat: form.data.forWhat,
        },
        actor(request),
      )
      if (!result.ok) {
        refusal = fieldError(result.field ?? 'party', result.reason)
        throw new Refused() // undo it all, the form's key too, so that it can be sent again once put right
      }
      return `/cases/${found.id}/portal`
    }).catch((e: unknown) => {
      if (e instanceof Refused) return undefined
      throw e
    })
    if (refusal || !next) return render(reply.code(400), found, body, refusal)
    request.session.flash = 'Permission recorded. They can now sign in to the portal for this case'
    return reply.redirect(next, 303)
  })

  app.post('/cases/:id/portal/permissions/:permissionId/withdraw', { config: access }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const { permissionId } = request.params as { permissionId: string }
    const result = /^[0-9a-f-]{36}$/i.test(permissionId)
      ? await withdrawPermissionByStaff(db, clock, found.id, permissionId.toLowerCase(), actor(request))
      : undefined
    if (!result?.ok) return reply.code(404).view('cases/not-found.njk')
    request.session.flash = 'Permission withdrawn. Their access to the portal has ended'
    return reply.redirect(`/cases/${found.id}/portal`, 303)
  })
}
