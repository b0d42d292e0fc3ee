// What each case event means to a person reading the timeline. Pure: no I/O, no clock. The
// words for each kind of event are in event-words/, by who records it.
import { agreementEvents } from './event-words/agreements.ts'
import { workflowEvents } from './event-words/case-workflow.ts'
import { preparationAndPortalEvents } from './event-words/preparation-and-portal.ts'
import type { Data, Describers, EventSummary } from './event-words/text.ts'

export type { EventSummary }

const describers: Describers = { ...workflowEvents, ...preparationAndPortalEvents, ...agreementEvents }

/** A title and description for any event; an unknown type reads as its name, "mediator-allocated" -> "Mediator allocated". */
export function describeEvent(type: string, data: unknown): EventSummary {
  const safeData: Data = data && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : {}
  const describe = describers[type]
  if (describe) return describe(safeData)
  const words = type.replace(/[-_]+/g, ' ').trim()
  return { title: words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Case updated', description: '' }
}
