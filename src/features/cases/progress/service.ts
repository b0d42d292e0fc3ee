// The progress page of one case: every deadline with its rule and where it came from, the
// updates owed to each person, each other party's willingness, the next steps, and who is
// looking after the case. The case's events are read once: its state and deadlines both come
// from that one reading.
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import { contactMethods } from '../../../domain/request.ts'
import type { StaffUser } from '../../../domain/staff.ts'
import {
  answerLabels,
  chaserDue,
  chaserDueDate,
  partyNames,
  PARTY_KINDS,
  type PartyKind,
} from '../../../domain/willingness.ts'
import {
  actionLabels,
  availableActions,
  partyActions,
  statusLabels,
  type ActionType,
} from '../../../domain/workflow.ts'
import { caseSnapshot } from '../deadline-index.ts'
import { labelOf, partyRoles } from '../labels.ts'
import { staffName, type CaseRow } from '../repository.ts'
import { presentDeadline } from './present.ts'

/** Actions offered elsewhere: the scope has its own page, and the party actions sit with each party. */
const notNextSteps: readonly ActionType[] = ['decide-scope', 'invite-party', 'chase-party', 'record-willingness']

/** Steps done on pages of their own: the meeting is booked with a venue and invitations. */
const ownPages: Partial<Record<ActionType, (base: string) => string>> = {
  'allocate-mediator': (base) => `${base}/mediator`,
  'arrange-meeting': (base) => `${base}/meeting/book`,
  'cancel-meeting': (base) => `${base}/meeting/cancel`,
}

const partyActionText: Record<'invite-party' | 'chase-party' | 'record-willingness', string> = {
  'invite-party': 'Record the invitation',
  'chase-party': 'Record a chaser',
  'record-willingness': 'Record the answer',
}

export async function progressPage({ db, clock }: { db: Db; clock: Clock }, found: CaseRow, user: StaffUser) {
  const today = clock.today()
  const base = `/cases/${found.id}`
  const [{ state, deadlines, inputs }, assignedName] = await Promise.all([
    caseSnapshot(db, clock, found.id),
    staffName(db, found.assignedTo),
  ])
  const parties = inputs?.parties ?? []
  const presented = deadlines.map((d) => presentDeadline(d, today))
  const partyById = new Map(parties.map((p) => [p.id, p]))

  const updates = presented
    .filter((d) => d.name.startsWith('update:'))
    .map((d) => {
      const party = partyById.get(d.name.slice('update:'.length))
      return {
        ...d,
        partyId: party?.id,
        who: party ? `${party.name || 'Not named'} (${labelOf(partyRoles, party.role)})` : d.label,
      }
    })

  // The other parties: those named in the case and those already asked.
  const kinds = PARTY_KINDS.filter((kind) => state.parties[kind] !== undefined || parties.some((p) => p.role === kind))
  const willingness = inputs
    ? kinds.map((kind: PartyKind) => {
        const { calendar, settings } = inputs
        const party = state.parties[kind]
        const names = parties
          .filter((p) => p.role === kind)
          .map((p) => p.organisation || p.name)
          .filter(Boolean)
        const due = party ? chaserDueDate(party, calendar, settings.chaserWorkingDays) : undefined
        return {
          kind,
          title: `${partyNames[kind].charAt(0).toUpperCase()}${partyNames[kind].slice(1)}${names.length ? `: ${names.join(', ')}` : ''}`,
          invited: party ? { on: party.invited.on, how: labelOf(contactMethods, party.invited.how) } : undefined,
          chased: party?.chased,
          chaserDue: party ? chaserDue(party, today, calendar, settings.chaserWorkingDays) : false,
          chaserDueOn: due,
          answered: party?.answered ? { ...party.answered, text: answerLabels[party.answered.answer] } : undefined,
          actions: partyActions(state, kind).map((action) => ({
            href: `${base}/actions/${action}?party=${kind}`,
            text: partyActionText[action],
            visuallyHiddenText: ` for ${partyNames[kind]}`,
          })),
        }
      })
    : []

  const available = availableActions(state)
  return {
    today,
    state,
    statusText: statusLabels[state.status],
    deadlines: presented.filter((d) => !d.name.startsWith('update:')),
    updates,
    willingness,
    canInvite: available.includes('invite-party'),
    nextSteps: available
      .filter((a) => !notNextSteps.includes(a))
      .map((a) => ({ text: actionLabels[a], href: ownPages[a]?.(base) ?? `${base}/actions/${a}` })),
    canDecideScope: available.includes('decide-scope'),
    canRecordDates: state.status !== 'closed',
    assignedName,
    assignedToMe: found.assignedTo === user.id,
  }
}
