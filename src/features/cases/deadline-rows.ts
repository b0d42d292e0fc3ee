// The rows of the "what is due" index (case_deadlines) for one case: its deadlines (deadlines.ts),
// and two things Today asks about that are not deadlines of the case itself: a chaser for each
// party still to answer whether they will take part, and an enquiry nobody has answered yet.
// Pure: deadline-index.ts stores them in the same transaction as each event.
import type { Calendar } from '../../domain/calendar.ts'
import { chaserDueDate, PARTY_KINDS } from '../../domain/willingness.ts'
import { stateFromEvents } from '../../domain/workflow.ts'
import type { CaseDeadline, EventRow } from './deadlines.ts'

export interface DeadlineIndexRow {
  name: string
  dueDate: string
  status: string
  /** The person an update is owed to. */
  partyId: string | null
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function deadlineIndexRows(
  deadlines: CaseDeadline[],
  input: { events: EventRow[]; status: string; receivedOn: string },
  context: { calendar: Calendar; chaserWorkingDays: number },
): DeadlineIndexRow[] {
  const rows: DeadlineIndexRow[] = deadlines.map((d) => {
    const partyId = d.name.startsWith('update:') ? d.name.slice('update:'.length) : ''
    return { name: d.name, dueDate: d.dueDate, status: d.status, partyId: uuid.test(partyId) ? partyId : null }
  })
  // Answered means an update was sent to someone.
  if (input.status === 'enquiry' && !input.events.some((e) => e.type === 'update-sent'))
    rows.push({ name: 'enquiry', dueDate: input.receivedOn, status: 'open', partyId: null })
  if (input.status === 'willingness') {
    const { parties } = stateFromEvents(input.events)
    for (const kind of PARTY_KINDS) {
      const party = parties[kind]
      const due = party && chaserDueDate(party, context.calendar, context.chaserWorkingDays)
      if (due) rows.push({ name: `chaser:${kind}`, dueDate: due, status: 'open', partyId: null })
    }
  }
  return rows
}
