// The profile as the summary list shows it: plain text for each row (the macro escapes it).
import { formatDate } from '../../../web/format.ts'
import { weekdays } from '../labels.ts'
import type { MediatorRow } from '../types.ts'

/** The profile as summary list rows: plain text (the macro escapes it). */
export function summaryRows(m: MediatorRow, named: { languages: string[]; areas: string[]; account?: string }) {
  const orNot = (v: string | null) => v || 'Not recorded'
  const joined = (l: string[], none = 'None recorded') => (l.length ? l.join(', ') : none)
  const parts = (...p: (string | false | null)[]) => p.filter(Boolean).join(', ')
  const row = (key: string, text: string) => ({ key: { text: key }, value: { text } })
  return [
    row('Email address', m.email),
    row('Phone number', orNot(m.phone)),
    row(
      'Civil Mediation Council registration',
      parts(
        orNot(m.cmcRegistrationNumber),
        !!m.cmcRegistrationExpiry && `expires ${formatDate(m.cmcRegistrationExpiry)}`,
      ),
    ),
    row(
      'Register of SEND mediators',
      parts(orNot(m.sendRegisterNumber), !!m.sendRegisterExpiry && `expires ${formatDate(m.sendRegisterExpiry)}`),
    ),
    row(
      'SEN training completed',
      m.senTrainingCompletedOn
        ? formatDate(m.senTrainingCompletedOn) + (m.senTrainingDetails ? `: ${m.senTrainingDetails}` : '')
        : 'Not recorded',
    ),
    row(
      'Professional indemnity insurance',
      parts(
        orNot(m.insurer),
        m.insuranceCoverPounds !== null && `cover £${m.insuranceCoverPounds.toLocaleString('en-GB')}`,
        !!m.insuranceExpiry && `expires ${formatDate(m.insuranceExpiry)}`,
      ),
    ),
    row(
      'DBS check',
      parts(
        m.dbsCheckedOn ? `checked ${formatDate(m.dbsCheckedOn)}` : 'Not recorded',
        !!m.dbsRenewalDue && `renewal due ${formatDate(m.dbsRenewalDue)}`,
      ),
    ),
    row('Languages', joined(named.languages)),
    row('Council areas', joined(named.areas)),
    row('Venues', joined(m.venues)),
    row(
      'Working days',
      joined(
        m.workingDays.map((d) => weekdays[String(d)] ?? String(d)),
        'None',
      ),
    ),
    row('Taking cases', m.active ? 'Yes' : 'No'),
    row('Staff account', named.account ?? 'Not linked'),
  ]
}
