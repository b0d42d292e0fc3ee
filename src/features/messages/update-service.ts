// The regular update owed to people in a case: written once, previewed as each person will get it,
// and sent to each their own way (email, text message or letter, large print where asked), each
// message queued with its update recorded (restarting that person's clock) in one transaction,
// once per form (its submission key).
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import { RefusalError, refuse, refusalsAsResults, type Result } from '../../domain/result.ts'
import {
  createWorkflowService,
  findCase,
  labelOf,
  partiesOf,
  partyRoles,
  type Actor,
  type CaseRow,
} from '../cases/index.ts'
import { caseUpdateTemplate } from './general-templates.ts'
import { channelLabel } from './labels.ts'
import { chooseChannel, partyRecipient, queueMessage, recipientOf } from './outbox.ts'
import { caseRowOf, updateDeadlinesOf } from './repository.ts'
import { serviceValues } from './service-values.ts'
import { renderMessage } from './templates.ts'

/** Someone in the case, whether they are owed an update, and how they would get it. */
export interface UpdatePerson {
  id: string
  label: string
  name: string
  owed: boolean
  dueDate?: string
  route?: { channel: string; text: string }
}

export interface UpdateInput {
  partyIds: string[]
  update: string
  nextStep: string
}

const strangers = 'Select people in this case who can be sent a message'

export function createUpdateService({ db, clock }: { db: Db; clock: Clock }) {
  async function peopleOf(caseId: string): Promise<UpdatePerson[]> {
    const [parties, owed] = await Promise.all([partiesOf(db, caseId), updateDeadlinesOf(db, caseId)])
    const today = clock.today()
    return parties.map((p) => {
      const due = owed.find((d) => d.name === `update:${p.id}` && (d.status === 'open' || d.status === 'overdue'))
      const to = recipientOf(p)
      const route = chooseChannel(to)
      return {
        id: p.id,
        label: `${p.name || p.organisation || 'Not named'} (${labelOf(partyRoles, p.role).toLowerCase()})`,
        name: p.name || p.organisation || 'Not named',
        owed: !!due && due.dueDate <= today,
        dueDate: due?.dueDate,
        route: route
          ? {
              channel: route.channel,
              text: `${channelLabel(route.channel)} to ${route.address.replace(/\s*\n\s*/g, ', ')}${to.largePrint && route.channel === 'letter' ? ' (large print)' : ''}`,
            }
          : undefined,
      }
    })
  }

  /** The people chosen, if each is in the case and can be sent a message. */
  async function chosen(caseId: string, partyIds: string[]): Promise<Result<{ people: UpdatePerson[] }>> {
    const people = await peopleOf(caseId)
    const found = partyIds.map((id) => people.find((p) => p.id === id && p.route))
    if (found.some((p) => !p)) return refuse(strangers, 'parties')
    return { ok: true, people: found as UpdatePerson[] }
  }

  const valuesFor = (
    caseRow: Pick<CaseRow, 'childName' | 'reference'>,
    input: UpdateInput,
    service: Record<string, string>,
    name: string,
  ) => ({
    ...service,
    name,
    child: caseRow.childName,
    reference: caseRow.reference,
    update: input.update,
    'next-step': input.nextStep,
  })

  return {
    /** The form: the case as it is now, and everyone in it. */
    async page(caseId: string) {
      const [caseRow, people] = await Promise.all([findCase(db, caseId), peopleOf(caseId)])
      return { caseRow, people }
    },

    /** Who the form starts with: the one person asked for (from Today), else everyone owed an update. */
    startingChoice(people: UpdatePerson[], party: unknown): string[] {
      return typeof party === 'string' && people.some((p) => p.id === party && p.route)
        ? [party]
        : people.filter((p) => p.owed && p.route).map((p) => p.id)
    },

    /** Each message as it will be sent; nothing is sent. */
    async preview(caseRow: CaseRow, input: UpdateInput) {
      const found = await chosen(caseRow.id, input.partyIds)
      if (!found.ok) return found
      const service = await serviceValues(db, caseRow.id)
      const previews = await Promise.all(
        found.people.map(async (person) => {
          const message = await renderMessage(db, caseUpdateTemplate, valuesFor(caseRow, input, service, person.name))
          return { ...message, to: person.label, how: person.route!.text }
        }),
      )
      return { ok: true as const, previews }
    },

    /** Sends the update to each person chosen, once per submission key. */
    async send(
      caseRow: CaseRow,
      input: UpdateInput & { expectedVersion?: number; submissionKey: string },
      actor: Actor,
    ): Promise<Result<{ sent: number }>> {
      const found = await chosen(caseRow.id, input.partyIds)
      if (!found.ok) return found
      return refusalsAsResults(() =>
        oncePerKey(db, clock, input.submissionKey, async (tx) => ({
          ok: true as const,
          sent: await sendUpdates(tx, { caseId: caseRow.id, ...input, actor }),
        })),
      )
    },
  }

  /**
   * Written once, sent to each chosen person by the way they prefer, and recorded as an update
   * given: all in the caller's transaction, or none of it. Each refusal (thrown, undoing it all)
   * means the case changed since the form was shown: someone else's change, a person's details.
   */
  async function sendUpdates(
    tx: Tx,
    input: UpdateInput & { caseId: string; actor: Actor; expectedVersion?: number },
  ): Promise<number> {
    const caseRow = await caseRowOf(tx, input.caseId)
    if (!caseRow) throw new RefusalError('There is no such case.', undefined, 'not-found')
    const workflow = createWorkflowService({ db: tx as unknown as Db, clock })
    const service = await serviceValues(tx, input.caseId)
    let sent = 0
    for (const [i, partyId] of input.partyIds.entries()) {
      const to = await partyRecipient(tx, partyId)
      const route = chooseChannel(to)
      if (!route)
        throw new RefusalError(
          `${to.name || 'One person'} has no email address, phone number or postal address. Record their update another way.`,
          'parties',
          'stale',
        )
      const result = await workflow.recordUpdate(
        input.caseId,
        {
          partyId,
          channel: channelLabel(route.channel).toLowerCase(),
          note: `${input.update}\nWhat happens next: ${input.nextStep}`,
        },
        {
          actor: input.actor,
          expectedVersion: i === 0 ? input.expectedVersion : undefined,
          beforeEvent: async (inner) => {
            const row = await queueMessage(inner, clock, {
              caseId: input.caseId,
              to,
              template: caseUpdateTemplate,
              values: valuesFor(caseRow, input, service, to.name),
              createdBy: input.actor.userId,
            })
            if (!row) throw new RefusalError(`${to.name} could not be sent a message.`, 'parties', 'stale')
          },
        },
      )
      if (!result.ok)
        throw new RefusalError(result.reason, 'parties', result.code === 'not-found' ? 'not-found' : 'stale')
      sent++
    }
    return sent
  }
}
