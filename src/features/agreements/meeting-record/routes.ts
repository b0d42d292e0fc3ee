// /cases/:id/agreement/meeting-record: who attended (against who was expected), who could agree
// for the council and the health body, the times, private sessions, the ground rules everyone
// agreed, and each agenda issue's result. Saving the record of a meeting that has taken place
// records it as held, when the case's workflow allows (meeting-record-service.ts).
import { formatLongDate } from '../../../domain/dates.ts'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { issueOutcomeLabels } from '../../../domain/agreement-rules.ts'
import { submitForm, type FormErrors } from '../../../web/forms.ts'
import type { CaseRow } from '../../cases/index.ts'
import { GROUND_RULES } from '../content.ts'
import { actorOf, agreementAccess, agreementServiceOf, base, caseForChange, caseForView, pageContext } from '../page.ts'
import { readMeetingRecord } from './schema.ts'

const view = 'agreements/meeting-record/view.njk'
const canAgreeRoles = ['local-authority', 'health']

export default async function meetingRecordPage(app: FastifyInstance, deps: AppDeps) {
  const agreements = agreementServiceOf(deps)
  type Page = Awaited<ReturnType<typeof agreements.meetingRecordPage>>

  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    data: Page,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const { record, expected } = data
    const saved = record?.attendance ?? []
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
      groundRules: Object.entries(record?.groundRules ?? {})
        .filter(([, v]) => v)
        .map(([k]) => k),
      ...Object.fromEntries(Object.entries(record?.issueOutcomes ?? {}).map(([id, o]) => [`issue-${id}`, o])),
    }
    const list = (v: unknown) => ([] as unknown[]).concat(v ?? [])
    const partyOf = (id: string) => data.parties.find((p) => p.id === id)
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
    return render(request, reply, found, await agreements.meetingRecordPage(found.id))
  })

  app.post('/cases/:id/agreement/meeting-record', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForChange(deps.database.db, request, reply)
    if (!found) return reply
    // The form has a question for each agenda issue, so the page is read first.
    const data = await agreements.meetingRecordPage(found.id)
    return submitForm(request, reply, {
      parse: (body) =>
        readMeetingRecord(
          body,
          data.agenda.map((i) => i.id),
        ),
      render: (reply, extra) => render(request, reply, found, data, extra),
      field: 'startedAt',
      submit: async ({ version, ...input }) => {
        const result = await agreements.saveMeetingRecord(found.id, input, {
          actor: actorOf(request),
          expectedVersion: version,
        })
        if (!result.ok) return result
        return {
          ok: true,
          redirect: base(found.id),
          flash: result.held
            ? 'Meeting record saved. The meeting is recorded as held.'
            : result.bookedFor
              ? `Meeting record saved. The meeting is booked for ${formatLongDate(result.bookedFor)}, so it is not recorded as held yet: a meeting cannot be held before its date. If it took place earlier, move the meeting to the day it was held, then save this record again.`
              : 'Meeting record saved',
        }
      },
    })
  })
}
