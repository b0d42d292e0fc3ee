// The check-in job: when a point falls due, asks the person responsible and the parent or young
// person whether it was done. Once per point (the event, and each message's dedupe key).
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { responsibleOf } from '../../domain/agreement-content.ts'
import { formatLongDate } from '../../domain/dates.ts'
import { templateNamed } from '../../domain/message-wording.ts'
import { appendEvent } from '../cases/index.ts'
import { queueForParty, serviceValues } from '../messages/index.ts'
import { lockOpenPoint, pointsDueForCheckIn } from './follow-through-repository.ts'
import { caseRowOf, mediationParties, type PointRow } from './repository.ts'
import { agreementTemplates } from './templates.ts'

export async function queueDueCheckIns({
  db,
  clock,
}: {
  db: Db
  clock: Clock
}): Promise<{ points: number; messages: number }> {
  const due = await pointsDueForCheckIn(db, clock.today())
  let messages = 0
  for (const { point } of due) messages += await checkIn(db, clock, point)
  return { points: due.length, messages }
}

/** One point's check-in, in its own transaction: the messages queued. */
function checkIn(db: Db, clock: Clock, point: PointRow): Promise<number> {
  return db.transaction(async (tx) => {
    if (!(await lockOpenPoint(tx, point.id))) return 0
    const caseRow = await caseRowOf(tx, point.caseId)
    if (!caseRow || caseRow.status === 'closed') return 0
    const parties = await mediationParties(tx, point.caseId)
    const family = parties.filter((p) => p.role === 'parent' || p.role === 'young-person')
    const to = [
      ...new Set([...(point.responsiblePartyId ? [point.responsiblePartyId] : []), ...family.map((p) => p.id)]),
    ]
    const service = await serviceValues(tx, point.caseId)
    const responsible = responsibleOf(point, parties)
    let sent = 0
    for (const partyId of to) {
      const party = parties.find((p) => p.id === partyId)
      if (!party) continue
      const row = await queueForParty(tx, clock, partyId, {
        caseId: point.caseId,
        template: templateNamed(agreementTemplates, 'agreement-check-in'),
        values: {
          ...service,
          name: party.name || party.label,
          child: caseRow.childName,
          reference: caseRow.reference,
          number: String(point.position),
          what: point.what,
          responsible,
          'due-date': formatLongDate(point.dueDate!),
        },
        dedupeKey: `agreement-check-in:${point.id}:${partyId}`,
      })
      if (row) sent++
    }
    await appendEvent(tx, clock, {
      caseId: point.caseId,
      type: 'agreement-check-in-sent',
      actor: { label: 'Parley' },
      data: { pointId: point.id, number: point.position, what: point.what, messages: sent },
    })
    return sent
  })
}
