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
  availableActions,
  partyActions,
  refusalReason,
  statusLabels,
  type CaseState,
} from '../../../domain/workflow.ts'
import { caseSnapshot } from '../deadline-index.ts'
import { labelOf, partyRoles } from '../labels.ts'
import { staffName, type CaseRow } from '../repository.ts'
import { linksForRefusal, stepLinks, type StepLink } from '../step-links.ts'
import { councilPartyOf } from './council-contact/repository.ts'
import { presentDeadline } from './present.ts'

const partyActionText: Record<'invite-party' | 'chase-party' | 'record-willingness', string> = {
  'invite-party': 'Record the invitation',
  'chase-party': 'Record a chaser',
  'record-willingness': 'Record the answer',
}

/** Before the meeting, when nothing moves the case on: what the meeting waits for, with links. */
function meetingWaitsFor(caseId: string, state: CaseState): { reason: string; links: StepLink[] } | undefined {
  const type =
    state.status === 'preparation'
      ? 'arrange-meeting'
      : state.status === 'meeting-arranged'
        ? 'hold-meeting'
        : undefined
  const reason = type && refusalReason(state, type)
  return type && reason ? { reason, links: linksForRefusal(caseId, state, type, reason) } : undefined
}

export async function progressPage({ db, clock }: { db: Db; clock: Clock }, found: CaseRow, user: StaffUser) {
  const today = clock.today()
  const base = `/cases/${found.id}`
  const [{ state, deadlines, inputs }, assignedName, council] = await Promise.all([
    caseSnapshot(db, clock, found.id),
    staffName(db, found.assignedTo),
    councilPartyOf(db, found.id),
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
  // What moves the case on as it is now; changing a step already taken, or stopping, apart.
  const steps = stepLinks(found.id, state)
  return {
    today,
    state,
    statusText: statusLabels[state.status],
    deadlines: presented.filter((d) => !d.name.startsWith('update:')),
    updates,
    willingness,
    canInvite: available.includes('invite-party'),
    nextSteps: steps.next,
    otherSteps: steps.other,
    waitingFor: steps.next.length === 0 ? meetingWaitsFor(found.id, state) : undefined,
    canRecordDates: state.status !== 'closed',
    assignedName,
    assignedToMe: found.assignedTo === user.id,
    // Without it the council is never sent its invitations: the page asks for it.
    councilContactMissing: !!council && !council.email?.trim() && state.status !== 'closed',
  }
}
