// The complaints section's figures. The complaints register (src/features/complaints) is to offer
// complaintFigures(db, { councilIds, from, to }) from its front door; until it does, this one of
// the same shape counts what is recorded already (the complaints sent through the portal, by the
// day they were sent) and nothing of stages, deadlines or outcomes. Switch the import in
// report-service.ts over when the register's is there.
import type { Db } from '../../db/client.ts'
import type { ComplaintFigures } from '../../domain/report-facts.ts'
import { portalComplaintCount } from './complaints-repository.ts'

export type ComplaintFiguresSource = (
  db: Db,
  query: { councilIds: readonly string[] | 'all'; from: string; to: string },
) => Promise<ComplaintFigures>

export const complaintFigures: ComplaintFiguresSource = async (db, { councilIds, from, to }) => ({
  received: await portalComplaintCount(db, { councils: councilIds, from, to }),
  byStage: {},
  answeredInTime: 0,
  upheld: 0,
  partlyUpheld: 0,
  notUpheld: 0,
})
