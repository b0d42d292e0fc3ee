// What each case event means to a person reading the timeline. Pure: no I/O, no clock.
import { requesterRoles } from '../../domain/request.ts'
import { channelLabel, labelOf, scopeLabel } from './labels.ts'

export interface EventSummary {
  title: string
  /** Plain text; may hold line breaks, shown as written. */
  description: string
}

type Data = Record<string, unknown>

const str = (value: unknown): string => (typeof value === 'string' ? value : '')
const yesNo = (value: unknown): string => (value === true ? 'yes' : 'no')

const describers: Record<string, (data: Data) => EventSummary> = {
  'enquiry-received': (data) => {
    const lines = [
      data.channel ? `Received: ${channelLabel(str(data.channel)).toLowerCase()}` : '',
      data.requesterRole ? `Asked by: ${labelOf(requesterRoles, str(data.requesterRole))}` : '',
      data.localAuthority ? `Council: ${str(data.localAuthority)}` : 'Council: not known from the postcode',
    ]
    return { title: 'Request for help received', description: lines.filter(Boolean).join('\n') }
  },
  'first-contact-recorded': (data) => {
    const lines = [
      data.reasonForContact ? `Reason for contact: ${str(data.reasonForContact)}` : '',
      `Difference between the services explained: ${yesNo(data.differenceExplained)}`,
      `Understanding checked: ${yesNo(data.understandingChecked)}`,
      `Contact preferences and adjustments asked: ${yesNo(data.preferencesAsked)}`,
      data.signposting ? `Signposting: ${str(data.signposting)}` : '',
    ]
    return { title: 'First contact recorded', description: lines.filter(Boolean).join('\n') }
  },
  'scope-decided': (data) => {
    const scope = str(data.scope)
    const lines = [
      data.agencyName ? `Signposted to: ${str(data.agencyName)}` : '',
      data.reason ? `Reason: ${str(data.reason)}` : '',
    ]
    return { title: `Scope decided: ${scopeLabel(scope) || 'not recorded'}`, description: lines.filter(Boolean).join('\n') }
  },
}

/** A title and description for any event; an unknown type reads as its name, "mediator-allocated" -> "Mediator allocated". */
export function describeEvent(type: string, data: unknown): EventSummary {
  const safeData: Data = data && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : {}
  const describe = describers[type]
  if (describe) return describe(safeData)
  const words = type.replace(/[-_]+/g, ' ').trim()
  return { title: words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Case updated', description: '' }
}
