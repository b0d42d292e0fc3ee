import type { MessageTemplate } from '../../domain/message-wording.ts'

// The messages about information sessions: a place booked, the waiting list, a place come free,
// a reminder, a change, a cancellation, their own cancellation, and staff's message to everyone.
// Those about a place carry an .ics file when they go by email (the same UID, a higher sequence).
const common = [
  'name',
  'title',
  'date',
  'time',
  'service-name',
  'service-phone',
  'service-email',
  'opening-hours',
] as const
const details = [...common, 'place', 'access', 'online-link', 'adjustments', 'cancel-link'] as const

const getHelp = `If you have a question, or need anything to make the session easier for you, call us on ((service-phone)) or email ((service-email)). We are open ((opening-hours)).

((service-name))`

const when = `((title))
((date)), ((time))

Where: ((place))
((access))
((online-link))`

export const sessionTemplates: readonly MessageTemplate[] = [
  {
    key: 'session-booked',
    name: 'Information session: place booked',
    subject: 'Your place at ((title)) on ((date))',
    body: `Dear ((name)),

You have a place at:

${when}

Help you asked for: ((adjustments))

If you cannot come, please cancel so someone else can have your place: ((cancel-link))

If you get this by email, a calendar file is attached so you can add the session to your calendar.

${getHelp}`,
    placeholders: details,
  },
  {
    key: 'session-waiting',
    name: 'Information session: on the waiting list',
    subject: 'You are on the waiting list for ((title)) on ((date))',
    body: `Dear ((name)),

((title)) on ((date)), ((time)) is full. You are on the waiting list.

If a place comes free, we will give it to the next person on the list and tell you straight away.

To leave the waiting list: ((cancel-link))

${getHelp}`,
    placeholders: [...common, 'cancel-link'],
  },
  {
    key: 'session-moved-up',
    name: 'Information session: a place came free',
    subject: 'A place came free: you are booked on ((title)) on ((date))',
    body: `Dear ((name)),

Good news: a place came free and it is yours. You are now booked on:

${when}

Help you asked for: ((adjustments))

If you cannot come, please cancel so someone else can have your place: ((cancel-link))

${getHelp}`,
    placeholders: details,
  },
  {
    key: 'session-reminder',
    name: 'Information session: reminder',
    subject: 'Reminder: ((title)) on ((date))',
    body: `Dear ((name)),

This is a reminder that you have a place at:

${when}

If you cannot come, please cancel so someone else can have your place: ((cancel-link))

${getHelp}`,
    placeholders: details,
  },
  {
    key: 'session-changed',
    name: 'Information session: changed',
    subject: '((title)) has changed: now ((date))',
    body: `Dear ((name)),

The session you booked has changed. It is now:

${when}

This replaces the date, time or place we sent you before. If you get this by email, a new calendar file is attached: it updates the session in your calendar.

If you cannot come now, please cancel: ((cancel-link))

${getHelp}`,
    placeholders: details,
  },
  {
    key: 'session-cancelled',
    name: 'Information session: cancelled',
    subject: '((title)) on ((date)) is cancelled',
    body: `Dear ((name)),

We are sorry: ((title)) on ((date)), ((time)) will not go ahead.

Why: ((reason))

You do not need to do anything. If you get this by email, the attached calendar file removes the session from your calendar.

${getHelp}`,
    placeholders: [...common, 'reason'],
  },
  {
    key: 'session-booking-cancelled',
    name: 'Information session: booking cancelled',
    subject: 'Your booking for ((title)) on ((date)) is cancelled',
    body: `Dear ((name)),

You cancelled your booking for ((title)) on ((date)), ((time)). Thank you for telling us.

You can book again while there are places.

${getHelp}`,
    placeholders: [...common],
  },
  {
    key: 'session-message',
    name: 'Information session: a message to everyone booked',
    subject: 'About ((title)) on ((date))',
    body: `Dear ((name)),

((message))

${getHelp}`,
    placeholders: [...common, 'message'],
  },
]
