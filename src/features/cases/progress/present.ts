// How a deadline reads to staff: its status as words (never colour alone), the working days left
// as a phrase, and what started it. Pure: shared by the progress page, the overview and Today.
import type { CaseDeadline } from '../deadlines.ts'
import { describeEvent } from '../timeline.ts'

export interface DeadlineTag {
  text: string
  classes: string
}

/** On track / Due soon / Overdue / Met / Met late / No longer needed, with a tag colour that only repeats the words. */
export function deadlineTag(d: Pick<CaseDeadline, 'status' | 'urgency'>): DeadlineTag {
  if (d.status === 'met') return { text: 'Met', classes: 'govuk-tag--green' }
  if (d.status === 'met-late') return { text: 'Met late', classes: 'govuk-tag--orange' }
  if (d.status === 'stopped') return { text: 'No longer needed', classes: 'govuk-tag--grey' }
  if (d.urgency === 'overdue') return { text: 'Overdue', classes: 'govuk-tag--red' }
  if (d.urgency === 'due-soon') return { text: 'Due soon', classes: 'govuk-tag--yellow' }
  return { text: 'On track', classes: 'govuk-tag--blue' }
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

/** "3 working days left", "due today", "2 working days overdue" (working days from today to the due date). */
export function workingDaysText(workingDaysLeft: number, dueDate: string, today: string): string {
  if (dueDate < today) return workingDaysLeft < 0 ? `${plural(-workingDaysLeft, 'working day')} overdue` : 'overdue'
  if (dueDate === today) return 'due today'
  return workingDaysLeft <= 0 ? 'due on the next working day' : `${plural(workingDaysLeft, 'working day')} left`
}

/** What started a clock, as the timeline names it: "Decision letter sent". */
const startedByNames: Record<string, string> = {
  'decision-letter-sent': "The council's decision letter was sent",
  'adviser-contacted': 'The parent or young person contacted the mediation adviser',
  'mediation-declined': 'The parent or young person declined mediation',
  'mediation-requested': 'The parent or young person asked for mediation',
  'health-body-notified': 'The health body was told',
  'cannot-arrange': 'The council said mediation cannot be arranged within 30 days',
  'meeting-scheduled': 'The meeting was arranged',
  'meeting-notice-sent': 'The date and place were sent',
  'mediation-concluded': 'The mediation ended',
  withdrawn: 'The case was withdrawn',
  'certificate-issued': 'The mediation certificate was issued',
  'update-sent': 'The last update',
  'enquiry-received': 'The request for help arrived',
}

export function startedByText(startedBy: { type: string; date: string }): string {
  return startedByNames[startedBy.type] ?? describeEvent(startedBy.type, {}).title
}

/** The deadline as the templates show it. */
export function presentDeadline(d: CaseDeadline, today: string) {
  const finished = d.status === 'met' || d.status === 'met-late' || d.status === 'stopped'
  return {
    ...d,
    tag: deadlineTag(d),
    daysText: finished ? '' : workingDaysText(d.workingDaysLeft, d.dueDate, today),
    startedByText: startedByText(d.startedBy),
    calendarYear: d.dueDate.slice(0, 4),
  }
}
export type PresentedDeadline = ReturnType<typeof presentDeadline>
