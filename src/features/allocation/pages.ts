// The pages under /cases/:id/mediator, registered by src/features/cases/area.ts.
import allocateMediator from './mediator/allocate/routes.ts'
import decideObjection from './mediator/objections/decide/routes.ts'
import newObjection from './mediator/objections/new/routes.ts'
import mediatorTab from './mediator/routes.ts'
import partyTold from './mediator/told/routes.ts'

export const allocationPages = [mediatorTab, allocateMediator, partyTold, newObjection, decideObjection]
