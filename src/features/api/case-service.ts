// A case as a token reads it, and an event a token records on one: only its own authority's
// cases; each read is noted in the access log.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { refuse } from '../../domain/result.ts'
import type { z } from 'zod'
import { createRecordedAgreementService } from '../agreements/index.ts'
import { createWorkflowService, recordAccess, type Actor } from '../cases/index.ts'
import { apiDeadlines, caseJson } from './cases.ts'
import type { ApiResult, Parsed } from './http.ts'
import { recordApiEvent } from './record-event.ts'
import { decideScopeFromApi } from './scope-event.ts'
import { caseOfAuthority, eventsOfCase, partiesOfCase } from './repository.ts'
import type { AgreementBody } from './agreement-schema.ts'
import type { agreementRecordedResponse, DeadlineResponse, RecordEvent } from './schemas.ts'
import type { ApiTokenIdentity } from './tokens.ts'

const noSuchCase = () => refuse('There is no such case.', undefined, 'not-found')

export function createApiCaseService({ db, clock }: { db: Db; clock: Clock }) {
  const workflow = createWorkflowService({ db, clock })
  const agreements = createRecordedAgreementService({ db, clock })
  const deadlinesNow = async (caseId: string) =>
    apiDeadlines(await workflow.deadlinesOf(caseId), await eventsOfCase(db, caseId))
  // No reference is this long: nothing to look up.
  const caseFor = async (token: ApiTokenIdentity, reference: string) =>
    reference.length > 40 ? undefined : caseOfAuthority(db, reference, token.localAuthorityId)

  return {
    /** The case with its parties, events and statutory deadlines; `path` is noted in the access log. */
    async read(token: ApiTokenIdentity, reference: string, path: string) {
      const row = await caseFor(token, reference)
      if (!row) return undefined
      const [parties, events, deadlines] = await Promise.all([
        partiesOfCase(db, row.id),
        eventsOfCase(db, row.id),
        workflow.deadlinesOf(row.id),
      ])
      await recordAccess(db, clock, { apiTokenId: token.id, caseId: row.id, path })
      return caseJson(row, parties, events, deadlines)
    },

    /**
     * Records the event the body describes. Not this token's case comes first (404), then a body
     * that was not right (400), as the API has always answered.
     */
    async recordEvent(
      token: ApiTokenIdentity,
      reference: string,
      body: Parsed<RecordEvent>,
    ): Promise<
      ApiResult<{
        caseId: string
        answer: { reference: string; status: string; deadlines: DeadlineResponse[]; warnings: string[] }
      }>
    > {
      const row = await caseFor(token, reference)
      if (!row) return noSuchCase()
      if (!body.ok) return { ok: false, code: 'invalid', fields: body.fields }
      const actor: Actor = { label: `API: ${token.name}` }
      if (body.data.type === 'scope-decided') {
        const decided = await decideScopeFromApi({ db, clock, workflow }, row.id, body.data, actor)
        if (!decided.ok) return decided
        return {
          ok: true,
          caseId: row.id,
          answer: {
            reference: row.reference,
            status: decided.status,
            deadlines: await deadlinesNow(row.id),
            warnings: decided.warnings,
          },
        }
      }
      const result = await recordApiEvent(workflow, row.id, body.data, actor)
      if (!result.ok) {
        if (result.code === 'not-found') return noSuchCase()
        if (result.code === 'invalid') return refuse(result.reason, 'date')
        return refuse(result.reason, undefined, result.code)
      }
      return {
        ok: true,
        caseId: row.id,
        answer: {
          reference: row.reference,
          status: result.state.status,
          deadlines: await deadlinesNow(row.id),
          warnings: result.warnings,
        },
      }
    },

    /**
     * Records the meeting's outcome and the agreement's items, final at once (features/agreements),
     * and answers with its points and every deadline now, the agreement's follow-up dates among them.
     */
    async recordAgreement(
      token: ApiTokenIdentity,
      reference: string,
      body: Parsed<AgreementBody>,
    ): Promise<ApiResult<{ caseId: string; answer: z.infer<typeof agreementRecordedResponse> }>> {
      const row = await caseFor(token, reference)
      if (!row) return noSuchCase()
      if (!body.ok) return { ok: false, code: 'invalid', fields: body.fields }
      const { date, notAgreed, ...rest } = body.data
      const recorded = await agreements.record(
        row.id,
        { ...rest, agreedOn: date, notAgreed: notAgreed ?? [] },
        { label: `API: ${token.name}` },
      )
      if (!recorded.ok) return recorded.code === 'not-found' ? noSuchCase() : recorded
      return {
        ok: true,
        caseId: row.id,
        answer: {
          reference: row.reference,
          status: recorded.state.status,
          agreement: {
            agreedOn: date,
            outcome: body.data.outcome,
            councilWasParty: body.data.councilWasParty,
            points: recorded.points.map(({ statutoryDueDate: _s, ...p }) => p),
          },
          deadlines: await deadlinesNow(row.id),
          warnings: recorded.warnings,
        },
      }
    },
  }
}
