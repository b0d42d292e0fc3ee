// /cases/:id/mediator/told/:partyId: record that a party was told who the mediator is. It is an
// update to that person (so it restarts their update clock) whose note names the mediator.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { caseParties } from '../../../../db/schema/index.ts'
import { currentUser } from '../../../../web/auth.ts'
import { parseForm, type FormErrors } from '../../../../web/forms.ts'
import { recordAccess, caseContext, visibleCaseOr404, findCase, partiesOf, type CaseRow } from '../../../cases/index.ts'
import { allocators, idParam, notFound, refusalErrors, statusFor } from '../../page.ts'
import { channelOptions, toldSchema } from '../../schema.ts'
import { createAllocationService, toldNote } from '../../service.ts'

const view = 'allocation/mediator/told/view.njk'

type Party = typeof caseParties.$inferSelect
type Allocation = NonNullable<Awaited<ReturnType<ReturnType<typeof createAllocationService>['currentAllocation']>>>

function render(
  reply: FastifyReply,
  found: CaseRow,
  party: Party,
  allocation: Allocation,
  extra: { values?: unknown; errors?: FormErrors } = {},
) {
  return reply.view(view, {
    ...caseContext(found, 'mediator'),
    party: { id: party.id, name: party.name || party.organisation || 'Not named' },
    allocation,
    told: toldNote(allocation.mediatorName),
    channels: channelOptions,
    values: extra.values ?? {},
    errors: extra.errors,
    version: found.version,
  })
}

export default async function partyTold(app: FastifyInstance, { database, clock }: AppDeps) {
  const config = { access: allocators }
  const service = createAllocationService({ db: database.db, clock })

  async function load(found: CaseRow, params: unknown) {
    const partyId = idParam(params, 'partyId')
    const party = partyId ? (await partiesOf(database.db, found.id)).find((p) => p.id === partyId) : undefined
    const allocation = await service.currentAllocation(found.id)
    return party && allocation ? { party, allocation } : undefined
  }

  app.get('/cases/:id/mediator/told/:partyId', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const loaded = await load(found, request.params)
    if (!loaded) return notFound(reply)
    await recordAccess(database.db, clock, {
      userId: currentUser(request).id,
      caseId: found.id,
      path: `/cases/${found.id}/mediator/told`,
    })
    return render(reply, found, loaded.party, loaded.allocation)
  })

  app.post('/cases/:id/mediator/told/:partyId', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const loaded = await load(found, request.params)
    if (!loaded) return notFound(reply)
    const form = parseForm(toldSchema, request.body)
    if (!form.ok)
      return render(reply.code(400), found, loaded.party, loaded.allocation, {
        values: request.body,
        errors: form.errors,
      })
    const user = currentUser(request)
    const result = await service.recordTold(found.id, {
      allocationId: form.data.allocationId,
      partyId: loaded.party.id,
      channel: form.data.channel,
      note: form.data.note,
      expectedVersion: form.data.version,
      actor: { userId: user.id, label: user.name },
    })
    if (!result.ok) {
      if (result.code === 'not-found') return notFound(reply)
      const now = (await findCase(database.db, found.id)) ?? found
      return render(reply.code(statusFor(result.code)), now, loaded.party, loaded.allocation, {
        values: request.body,
        errors: refusalErrors(result.reason),
      })
    }
    request.session.flash = 'Recorded that they were told'
    return reply.redirect(`/cases/${found.id}/mediator`, 303)
  })
}
