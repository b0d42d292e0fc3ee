// The words for a complaint's fields, as the pages show them.
export const receivedViaNames = {
  phone: 'Phone',
  email: 'Email',
  letter: 'Letter',
  'in-person': 'In person',
  portal: "The parties' portal",
} as const
export type ReceivedVia = keyof typeof receivedViaNames

/** The ways staff record a complaint arriving (the portal records its own). */
export const staffReceivedVia: Record<Exclude<ReceivedVia, 'portal'>, string> = {
  phone: receivedViaNames.phone,
  email: receivedViaNames.email,
  letter: receivedViaNames.letter,
  'in-person': receivedViaNames['in-person'],
}

export const aboutNames = {
  service: 'The service',
  mediator: 'A mediator',
  staff: 'A member of staff',
} as const
export type ComplaintAbout = keyof typeof aboutNames

/** How someone who is not a party of a case wants to hear from us. */
export const prefersNames = {
  email: 'Email',
  post: 'Letter by post',
  phone: 'Phone',
} as const
export type Prefers = keyof typeof prefersNames

export const acknowledgedHowNames = {
  message: 'Send an acknowledgement from Parley, the way they prefer',
  phone: 'I told them by phone',
  'in-person': 'I told them in person',
  other: 'I told them another way (my own email or letter)',
} as const
export type AcknowledgedHow = keyof typeof acknowledgedHowNames

export const routeNames = {
  cmc: 'The Civil Mediation Council',
  council: "The council's own complaints procedure",
} as const

export const labelFor = <T extends Record<string, string>>(labels: T, key: string | null | undefined) =>
  (key && (labels as Record<string, string>)[key]) || key || ''
