// Progressive enhancement only: every page works without this.
import { initAll } from '/assets/govuk-frontend/govuk-frontend.min.js'
import { initAll as initMoj } from '/assets/moj-frontend/moj-frontend.min.js'

initAll()
initMoj()
