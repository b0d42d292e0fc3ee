// The mediation certificate the parent or young person needs to appeal: due within 3 working days
// of the event that calls for it. One certificate per case: the first such event starts the clock.
import { compare, formatLongDate as fmt } from '../dates.ts'
import type { Clock } from './deadline.ts'
import { ref, type KnownEvent } from './events.ts'

const CERTIFICATE_TRIGGERS = ['mediation-declined', 'mediation-concluded', 'cannot-arrange', 'withdrawn'] as const
type CertificateTrigger = (typeof CERTIFICATE_TRIGGERS)[number]

const CERTIFICATE_RULES: Record<CertificateTrigger, { source: string; rule: (when: string) => string }> = {
  'mediation-declined': {
    source: 'SEND Regulations 2014, reg 34',
    rule: (when) =>
      `The mediation adviser must issue a certificate within 3 working days of being told the parent or young person does not want mediation (told ${when}).`,
  },
  'mediation-concluded': {
    source: 'SEND Regulations 2014, as IPSEA and local SENDIASS guidance explain it',
    rule: (when) =>
      `The mediator must issue a certificate within 3 working days of the mediation ending (ended ${when}), whether or not there was an agreement.`,
  },
  'cannot-arrange': {
    source: 'IPSEA guidance (secondary source)',
    rule: (when) =>
      `A certificate is due within 3 working days of the local authority saying it cannot arrange mediation within 30 days (said ${when}).`,
  },
  withdrawn: {
    source: 'IPSEA and local SENDIASS guidance (secondary sources)',
    rule: (when) =>
      `A certificate is due within 3 working days of the parent or young person withdrawing from mediation (withdrew ${when}).`,
  },
}

/**
 * Disagreement resolution never has a certificate, and a withdrawal calls for one only when the
 * parent or young person changed their mind (the workflow marks it) and did not reopen the case.
 */
function callsForCertificate(event: KnownEvent, all: readonly KnownEvent[]): boolean {
  if (event.data.route === 'disagreement-resolution') return false
  if (event.type !== 'withdrawn') return true
  // A bare withdrawal (a what-if) is read as the parent's or young person's change of mind.
  const changeOfMind =
    event.data.certificateDue === true || (event.data.certificateDue === undefined && event.data.by === undefined)
  if (!changeOfMind) return false
  return !all.some(
    (e) => e.type === 'reopened' && compare(e.date, event.date) >= 0 && all.indexOf(e) > all.indexOf(event),
  )
}

export const certificateClock: Clock = (history, { calendar }) => {
  // An appeal only about the school or placement named needs no certificate.
  if (history.placementOnly) return undefined
  const trigger = history.ofType(CERTIFICATE_TRIGGERS).find((e) => callsForCertificate(e, history.events))
  if (!trigger) return undefined
  // Only found among CERTIFICATE_TRIGGERS.
  const { source, rule } = CERTIFICATE_RULES[trigger.type as CertificateTrigger]
  return {
    name: 'certificate',
    dueDate: calendar.addWorkingDays(trigger.date, 3),
    startedBy: ref(trigger),
    rule: rule(fmt(trigger.date)),
    source,
    metBy: ['certificate-issued'],
    stoppedBy: [],
  }
}
