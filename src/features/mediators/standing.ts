// A mediator's standing as the panel pages show it: a status with words (never colour alone) and
// the reasons, from the domain's mediatorStanding.
import { mediatorStanding, type Standing } from '../../domain/mediator-standing.ts'
import { standingLabels, type StandingStatus } from './labels.ts'
import type { MediatorRow } from './types.ts'

export interface StandingView extends Standing {
  status: StandingStatus
  label: string
  tagClass: string
  /** Something dated lapses within the warning window. */
  lapsingSoon: boolean
}

const tagClasses: Record<StandingStatus, string> = {
  ok: 'govuk-tag--green',
  due: 'govuk-tag--yellow',
  blocked: 'govuk-tag--red',
}

export function standingOf(m: MediatorRow, cpdHoursByYear: Record<number, number>, today: string): StandingView {
  const standing = mediatorStanding({ ...m, cpdHoursByYear }, today)
  const lapsingSoon = standing.warnings.some((w) => w.date !== undefined)
  const status: StandingStatus = !standing.canBeAllocated ? 'blocked' : lapsingSoon ? 'due' : 'ok'
  return { ...standing, status, label: standingLabels[status], tagClass: tagClasses[status], lapsingSoon }
}

/** For sorting by status: those needing attention first. */
export const statusRank: Record<StandingStatus, number> = { blocked: 0, due: 1, ok: 2 }
