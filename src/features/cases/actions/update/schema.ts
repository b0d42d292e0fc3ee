// Recording an update given to one person: who, how, what was said, and when.
import type { Field } from '../fields.ts'
import { occurredOnField } from '../fields.ts'

export const updateChannels = {
  email: 'Email',
  phone: 'Phone call',
  letter: 'Letter',
  text: 'Text message',
  'in-person': 'In person',
} as const

export function updateFields(parties: { id: string; text: string }[]): Field[] {
  return [
    {
      kind: 'radios',
      name: 'party',
      legend: 'Who did you update?',
      options: parties.map((p) => ({ value: p.id, text: p.text })),
      error: 'Select who you updated',
    },
    {
      kind: 'radios',
      name: 'channel',
      legend: 'How?',
      options: Object.entries(updateChannels).map(([value, text]) => ({ value, text })),
      error: 'Select how you updated them',
    },
    {
      kind: 'textarea',
      name: 'note',
      label: 'What did you tell them?',
      hint: 'A short note, for example "Still waiting to hear from the council".',
      required: 'Enter a short note of what you told them',
      max: 1000,
      errorLabel: 'The note',
    },
    occurredOnField('When did you update them?'),
  ]
}
