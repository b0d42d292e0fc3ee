import type { MessageTemplate } from '../../domain/message-wording.ts'

// The mediation certificate, sent to the parent or young person when it is issued.
export const certificateTemplates: readonly MessageTemplate[] = [
  {
    key: 'certificate-copy',
    name: 'Mediation certificate, to the parent or young person when it is issued',
    subject: 'Your mediation certificate: ((reference))',
    body: `Dear ((name)),

Here is your mediation certificate for ((child)) (reference ((reference))), issued on ((issued-on)).

You need this certificate if you want to appeal to the SEND Tribunal (the First-tier Tribunal, Special Educational Needs and Disability). ((appeal-deadline))

Please keep it safe. If you have any questions, call us on ((service-phone)) or email ((service-email)). We are open ((opening-hours)).

((service-name))`,
    placeholders: [
      'name',
      'child',
      'reference',
      'issued-on',
      'appeal-deadline',
      'service-name',
      'service-phone',
      'service-email',
      'opening-hours',
    ],
  },
]
