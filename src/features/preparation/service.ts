// Changes made while preparing every party for the meeting, one file for each use case; each
// change is made as change.ts says, and each one that adds something runs once per form.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { createAgendaService } from './agenda-service.ts'
import { createAttendeesService } from './attendees-service.ts'
import { createChildViewsService } from './child-views-service.ts'
import { createContactsService } from './contacts-service.ts'
import { createSummariesService } from './summaries-service.ts'

export { staleMessage, type ChangeOptions } from './change.ts'

export function createPreparationService(deps: { db: Db; clock: Clock }) {
  return {
    ...createContactsService(deps),
    ...createAgendaService(deps),
    ...createChildViewsService(deps),
    ...createAttendeesService(deps),
    ...createSummariesService(deps),
  }
}
export type PreparationService = ReturnType<typeof createPreparationService>
