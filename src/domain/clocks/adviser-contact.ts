// Before appealing, the parent or young person must contact the mediation adviser.
import { addMonths, formatLongDate as fmt } from '../dates.ts'
import type { Clock } from './deadline.ts'
import { ref } from './events.ts'

export const adviserContactClock: Clock = ({ letter, placementOnly }) => {
  // An appeal only about the school or placement named needs no contact with the adviser first.
  if (!letter || placementOnly) return undefined
  return {
    name: 'adviser-contact',
    dueDate: addMonths(letter.date, 2),
    startedBy: ref(letter),
    rule: `To appeal, the parent or young person must first contact the mediation adviser, within 2 months of the decision letter (sent ${fmt(letter.date)}).`,
    source: 'SEND Regulations 2014, reg 33',
    // Declining or asking for mediation is itself contact with the adviser.
    metBy: ['adviser-contacted', 'mediation-declined', 'mediation-requested'],
    stoppedBy: [],
  }
}
