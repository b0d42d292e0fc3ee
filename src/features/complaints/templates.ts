import type { MessageTemplate } from '../../domain/message-wording.ts'

const service = ['service-name', 'service-phone', 'service-email', 'opening-hours'] as const

// The complaints procedure's messages: each stage acknowledged, and answered with its outcome.
export const complaintTemplates: readonly MessageTemplate[] = [
  {
    key: 'complaint-acknowledgement',
    name: 'Complaints: we have your complaint (each stage)',
    subject: 'We have your complaint: ((reference))',
    body: `Dear ((name)),

Thank you for telling us about your complaint. We received it on ((received-on)) and its reference is ((reference)).

It is now at this stage: ((stage)). We will send you our answer by ((respond-by)).

If you want to add anything, or you need help, call us on ((service-phone)) or email ((service-email)). We are open ((opening-hours)). Quote the reference ((reference)).

Making a complaint does not affect any case you have with us, or your right to appeal.

((service-name))`,
    placeholders: ['name', 'reference', 'received-on', 'stage', 'respond-by', ...service],
  },
  {
    key: 'complaint-response',
    name: 'Complaints: our answer, with the outcome and what happens next',
    subject: 'Our answer to your complaint: ((reference))',
    body: `Dear ((name)),

This is our answer to your complaint (reference ((reference))), which we received on ((received-on)). Stage: ((stage)).

What we decided: your complaint is ((outcome)).

What we found:
((findings))

What we will change as a result:
((changes))

What you can do next:
((next-step))

If you need help, call us on ((service-phone)) or email ((service-email)). We are open ((opening-hours)).

((service-name))`,
    placeholders: [
      'name',
      'reference',
      'received-on',
      'stage',
      'outcome',
      'findings',
      'changes',
      'next-step',
      ...service,
    ],
  },
]
