import type { MessageTemplate } from '../../domain/message-wording.ts'

// The messages about the meeting: the invitation, a change, a cancellation and a reminder. Every
// one says when and where in plain words; the invitation and the change carry an .ics file.
const common = [
  'name',
  'child',
  'reference',
  'service-name',
  'service-phone',
  'service-email',
  'opening-hours',
] as const
const meetingDetails = ['date', 'time', 'place', 'access', 'online-link', 'adjustments'] as const

const getHelp = `If you cannot come, or need anything to make the meeting easier for you, call us on ((service-phone)) or email ((service-email)). We are open ((opening-hours)).

((service-name))`

export const meetingTemplates: readonly MessageTemplate[] = [
  {
    key: 'meeting-invitation',
    name: 'Invitation to the mediation meeting',
    subject: 'Your mediation meeting on ((date)): ((reference))',
    body: `Dear ((name)),

The mediation meeting about ((child)) (reference ((reference))) will be on:

((date)), ((time))

Where: ((place))
((access))
((online-link))

What to bring: any letters or reports you want to talk about, and your notes. You can bring a supporter or advocate if you told us about them.

What to expect: the mediator will start by going through the ground rules. They are independent and will help everyone talk and listen. They will not decide for you. There will be time to talk in private with the mediator.

Help we have arranged for the meeting: ((adjustments))

A calendar file is attached so you can add the meeting to your calendar.

${getHelp}`,
    placeholders: [...common, ...meetingDetails],
  },
  {
    key: 'meeting-update',
    name: 'The mediation meeting has changed',
    subject: 'Your mediation meeting has changed: now ((date)): ((reference))',
    body: `Dear ((name)),

The mediation meeting about ((child)) (reference ((reference))) has changed. It is now on:

((date)), ((time))

Where: ((place))
((access))
((online-link))

This replaces the date, time or place we sent you before. A new calendar file is attached: it updates the meeting in your calendar.

Help we have arranged for the meeting: ((adjustments))

${getHelp}`,
    placeholders: [...common, ...meetingDetails],
  },
  {
    key: 'meeting-cancellation',
    name: 'The mediation meeting is cancelled',
    subject: 'Your mediation meeting on ((date)) is cancelled: ((reference))',
    body: `Dear ((name)),

The mediation meeting about ((child)) (reference ((reference))) on ((date)), ((time)), will not go ahead.

Why: ((reason))

We will be in touch about what happens next. The attached calendar file removes the meeting from your calendar.

If you have a question, call us on ((service-phone)) or email ((service-email)). We are open ((opening-hours)).

((service-name))`,
    placeholders: [...common, 'date', 'time', 'reason'],
  },
  {
    key: 'meeting-reminder',
    name: 'Reminder of the mediation meeting',
    subject: 'Reminder: your mediation meeting on ((date)): ((reference))',
    body: `Dear ((name)),

This is a reminder that the mediation meeting about ((child)) (reference ((reference))) is on:

((date)), ((time))

Where: ((place))
((access))
((online-link))

What to bring: any letters or reports you want to talk about, and your notes.

Help we have arranged for the meeting: ((adjustments))

${getHelp}`,
    placeholders: [...common, ...meetingDetails],
  },
]
