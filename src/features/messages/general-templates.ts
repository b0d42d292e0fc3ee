import type { MessageTemplate } from '../../domain/message-wording.ts'

// Messages that belong to no one area: regular updates about a case.
export const generalTemplates: readonly MessageTemplate[] = [
  {
    key: 'case-update',
    name: 'Regular update about a case',
    subject: 'An update about your request for help: ((reference))',
    body: `Dear ((name)),

This is an update about your request for help for ((child)) (reference ((reference))).

((update))

What happens next: ((next-step))

If you have a question, call us on ((service-phone)) or email ((service-email)). We are open ((opening-hours)).

((service-name))`,
    placeholders: [
      'name',
      'child',
      'reference',
      'update',
      'next-step',
      'service-name',
      'service-phone',
      'service-email',
      'opening-hours',
    ],
  },
]

export const caseUpdateTemplate = generalTemplates[0]!
