// /cases/:id/agreement/meeting-record: who attended (against who was expected), who could agree
// for the council and the health body, the times, private sessions, the ground rules everyone
// agreed, and each agenda issue's result. Saving the record of a meeting that has taken place
// records it as held, when the case's workflow allows.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { issueOutcomeLabels } from '../../../domain/agreement-rules.ts'
import { parseForm, type FormErrors } from '../../../web/forms.ts'
import { visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { attendeesOf } from '../../preparation/index.ts'
import { GROUND_RULES } from '../content.ts'
import { actorOf, agreementAccess, base, caseForView, pageContext, problem, statusFor } from '../page.ts'
import { createAgreementService } from '../service.ts'
import { loadAgreement } from '../view-model.ts'
import { fieldOrder, meetingRecordSchema } from './schema.ts'

const view = 'agreements/meeting-record/view.njk'

export default async function meetingRecordPage(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createAgreementService({ db, clock: deps.clock })

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const data = await loadAgreement(db, deps.clock, found.id)
    const expected = await attendeesOf(db, found.id)
    const record = data.record
    const saved = (record?.attendance ?? []) as {
      attendeeId?: string
      name: string
      attended: boolean
      hadAuthorityToAgree: boolean
    }[]
    const values = extra.values ?? {
      version: record ? String(record.version) : '',
      attended: saved.filter((a) => a.attended && a.attendeeId).map((a) => a.attendeeId),
      authority: saved.filter((a) => a.hadAuthorityToAgree && a.attendeeId).map((a) => a.attendeeId),
      others: saved
        .filter((a) => !a.attendeeId)
        .map((a) => a.name)
        .join('\n'),
      startedAt: record?.startedAt ?? '',
      endedAt: record?.endedAt ?? '',
      privateSessions: String(record?.privateSessions ?? 0),
      groundRules: Object.entries((record?.groundRules ?? {}) as Record<string, boolean>)
        .filter(([, v]) => v)
        .map(([k]) => k),
      ...Object.fromEntries(
        Object.entries((record?.issueOutcomes ?? {}) as Record<string, string>).map(([id, o]) => [`issue-${id}`, o]),
      ),
    }
    const list = (v: unknown) => ([] as unknown[]).concat(v ?? [])
    const partyOf = (id: string) => data.parties.find((p) => p.id === id)
    const canAgreeRoles = ['local-authority', 'health']
    return reply.view(view, {
      ...pageContext(found, request),
      meeting: data.meeting,
      values,
      errors: extra.errors,
      attendedItems: expected.map((a) => ({
        value: a.id,
        text: `${a.name}, ${a.role} (${partyOf(a.partyId)?.label ?? 'a party'})`,
        checked: list(values.attended).includes(a.id),
      })),
      authorityItems: expected
        .filter((a) => canAgreeRoles.includes(partyOf(a.partyId)?.role ?? ''))
        .map((a) => ({
          value: a.id,
          text: `${a.name} could agree for ${partyOf(a.partyId)?.label}`,
          checked: list(values.authority).includes(a.id),
          hint: a.hasAuthorityToAgree ? { text: 'Named before the meeting as able to agree.' } : undefined,
        })),
      groundRuleItems: GROUND_RULES.map((r) => ({
        value: r.key,
        text: r.text,
        checked: list(values.groundRules).includes(r.key),
      })),
      issues: data.agenda.map((i) => ({
        id: i.id,
        text: i.text,
        items: Object.entries(issueOutcomeLabels).map(([value, text]) => ({
          value,
          text,
          checked: values[`issue-${i.id}`] === value,
        })),
      })),
    })
  }

  app.get('/cases/:id/agreement/meeting-record', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(request, reply, found)
  })

  app.post('/cases/:id/agreement/meeting-record', { config: agreementAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const data = await loadAgreement(db, deps.clock, found.id)
    const form = parseForm(meetingRecordSchema(data.agenda.map((i) => i.id)), body)
    if (!form.ok) {
      const summary = [...form.errors.summary].sort(
        (a, b) => fieldOrder.indexOf(a.href.slice(1)) - fieldOrder.indexOf(b.href.slice(1)),
      )
      return render(request, reply.code(400), found, { values: body, errors: { ...form.errors, summary } })
    }
    const result = await service.saveMeetingRecord(
      found.id,
      {
        attended: form.data.attended,
        authority: form.data.authority,
        others: form.data.othersList,
        startedAt: form.data.startedAt,
        endedAt: form.data.endedAt,
        privateSessions: form.data.privateSessions,
        groundRules: form.data.groundRules,
        issueOutcomes: form.data.issueOutcomes,
      },
      { actor: actorOf(request), expectedVersion: form.data.version ? Number(form.data.version) : undefined },
    )
    if (!result.ok)
      return render(request, reply.code(statusFor(result.code)), found, {
        values: body,
        errors: problem(result.field ?? 'startedAt', result.reason),
      })
    request.session.flash = result.held
      ? 'Meeting record saved. The meeting is recorded as held.'
      : 'Meeting record saved'
    return reply.redirect(base(found.id), 303)
  })
}
