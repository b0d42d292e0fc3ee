// The agreement's use cases, each in its own module: the meeting record, writing the draft,
// acceptances, making it final, following it through and closing the case with its outcome.
// Changes that also move the case along ('hold-meeting', 'conclude', 'start-follow-up', 'close',
// 'withdraw') run inside the workflow service's transaction (draft.ts).
import { createAcceptanceService } from './acceptance-service.ts'
import type { AgreementDeps } from './draft.ts'
import { createDraftService } from './draft-service.ts'
import { createFinalCopyService } from './final-copy-service.ts'
import { createFinaliseService } from './finalise-service.ts'
import { createFollowUpService } from './follow-up-service.ts'
import { createMeetingRecordService } from './meeting-record-service.ts'
import { createOutcomeService } from './outcome-service.ts'
import { loadAgreement } from './view-model.ts'

export function createAgreementService(deps: AgreementDeps) {
  return {
    /** What every agreement page shows (view-model.ts). */
    picture: (caseId: string) => loadAgreement(deps.db, deps.clock, caseId),
    ...createMeetingRecordService(deps),
    ...createDraftService(deps),
    ...createAcceptanceService(deps),
    ...createFinaliseService(deps),
    ...createFinalCopyService(deps),
    ...createFollowUpService(deps),
    ...createOutcomeService(deps),
  }
}

export type AgreementService = ReturnType<typeof createAgreementService>
