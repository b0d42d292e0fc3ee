import type { AppDeps } from '../../app-deps.ts'
import type { MessageTemplate } from '../../domain/message-wording.ts'

/** The messages area is given every area's templates (by app.ts), for the wording pages. */
export interface MessagesDeps extends AppDeps {
  templates: readonly MessageTemplate[]
}
