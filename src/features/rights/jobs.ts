// The rights-exports job (src/jobs/schedule.ts lists it): each subject access export too large to
// build while staff wait, built with the cases its requester may see when it runs.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { runQueuedExports } from './export-service.ts'
import { staffUserById } from './repository.ts'

export const runRightsExports = ({ db, clock }: { db: Db; clock: Clock }) =>
  runQueuedExports({ db, clock }, (id) => staffUserById(db, id))
