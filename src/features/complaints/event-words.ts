// Each complaint event in words, for the record of every step on the complaint's page.
import type { ComplaintEventData } from '../../db/schema/index.ts'
import { outcomeNames, stageNames, type ComplaintStage } from '../../domain/complaints.ts'
import { formatDate } from '../../web/format.ts'
import { aboutNames, acknowledgedHowNames, labelFor, receivedViaNames, routeNames } from './labels.ts'

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const stage = (v: unknown) => stageNames[v as ComplaintStage] ?? str(v)

const words: Record<string, (d: ComplaintEventData) => { title: string; description?: string }> = {
  'complaint-recorded': (d) => ({
    title: `Complaint recorded: ${str(d.reference)}`,
    description: `Received by ${labelFor(receivedViaNames, str(d.via)).toLowerCase()}, about ${labelFor(aboutNames, str(d.about)).toLowerCase()}, for ${str(d.council)}.`,
  }),
  'stage-started': (d) => ({
    title: `Stage started: ${stage(d.stage)}`,
    description: `Acknowledge by ${formatDate(str(d.acknowledgeBy))} (${d.acknowledgeWorkingDays} working days); answer by ${formatDate(str(d.respondBy))} (${d.responseWorkingDays} working days).`,
  }),
  'stage-acknowledged': (d) => ({
    title: `Acknowledged: ${stage(d.stage)}`,
    description: `${labelFor(acknowledgedHowNames, str(d.how))}. ${d.inTime ? 'In time.' : 'Late.'}`,
  }),
  'stage-answered': (d) => ({
    title: `Answered: ${stage(d.stage)}`,
    description: `${outcomeNames[str(d.outcome) as keyof typeof outcomeNames] ?? ''}. ${d.inTime ? 'In time.' : 'Late.'}${
      d.route ? ` Told of the next route: ${labelFor(routeNames, str(d.route))}.` : ''
    }${d.messageId ? '' : ' No letter could be queued: there is no email or postal address.'}`,
  }),
  'details-changed': () => ({ title: 'Details of the complaint changed' }),
}

export function eventWords(type: string, data: ComplaintEventData) {
  return (words[type] ?? (() => ({ title: type })))(data)
}
