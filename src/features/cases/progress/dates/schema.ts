// Recording a statutory date: a fact that starts or stops a clock without moving the case on.
import type { FactEventType } from '../../workflow-service.ts'
import type { Field } from '../../actions/fields.ts'

export const recordableFacts = {
  'decision-letter-sent': 'The council sent its decision letter',
  'health-body-notified': 'The health body was told about the health issues',
  'meeting-notice-sent': 'Everyone was sent the date and place of the meeting',
  'appeal-made': 'The parent or young person appealed to the SEND Tribunal',
  'council-told-of-agreement': 'The health body told the council about the agreement',
} as const satisfies Partial<Record<FactEventType, string>>
export type RecordableFact = keyof typeof recordableFacts

export const factDone: Record<RecordableFact, string> = {
  'decision-letter-sent': 'Date of the decision letter recorded',
  'health-body-notified': 'Recorded: the health body was told',
  'meeting-notice-sent': 'Recorded: the date and place were sent',
  'appeal-made': 'Recorded: an appeal was made to the SEND Tribunal',
  'council-told-of-agreement': 'Recorded: the health body told the council about the agreement',
}

export const factFields: Field[] = [
  {
    kind: 'radios',
    name: 'fact',
    legend: 'What happened?',
    error: 'Select what happened',
    options: Object.entries(recordableFacts).map(([value, text]) => ({ value, text })),
  },
  {
    kind: 'date',
    name: 'occurredOn',
    legend: 'When did it happen?',
    hint: 'For the decision letter, the date it was sent; for an appeal, the date it was made. For example, 19 10 2026',
    label: 'the date it happened',
    notInFuture: true,
  },
]
