import type { MessageTemplate } from '../../domain/message-wording.ts'

// The agreement's copy to every party, and the check-in when a point falls due.
export const agreementTemplates: readonly MessageTemplate[] = [
  {
    key: 'agreement-copy',
    name: 'Copy of the final mediation agreement, to every party',
    subject: 'Your copy of the mediation agreement: ((reference))',
    body: `Dear ((name)),

Here is your copy of the agreement made at mediation about ((child)) (reference ((reference))). It was made final on ((made-on)).

Everyone who took part gets the same copy, so that nothing is unclear. It has ((points-count)) points, each saying who will do what, by when, and how everyone will know it is done. ((first-due))

Please keep it safe. If something in it looks wrong, or something agreed does not happen, call us on ((service-phone)) or email ((service-email)). We are open ((opening-hours)).

((service-name))`,
    placeholders: [
      'name',
      'child',
      'reference',
      'made-on',
      'points-count',
      'first-due',
      'service-name',
      'service-phone',
      'service-email',
      'opening-hours',
    ],
  },
  {
    key: 'agreement-check-in',
    name: 'Check-in when a point of the agreement falls due',
    subject: 'Has it been done? Point ((number)) of the mediation agreement: ((reference))',
    body: `Dear ((name)),

Everyone at the mediation about ((child)) agreed that we would check in when each point of the agreement falls due.

Point ((number)) was due on ((due-date)):
((what))
Who was doing it: ((responsible))

Please tell us whether it has been done, done late, or not done. Reply to this message, call us on ((service-phone)) or email ((service-email)). We are open ((opening-hours)).

((service-name))`,
    placeholders: [
      'name',
      'child',
      'reference',
      'number',
      'what',
      'responsible',
      'due-date',
      'service-name',
      'service-phone',
      'service-email',
      'opening-hours',
    ],
  },
]
