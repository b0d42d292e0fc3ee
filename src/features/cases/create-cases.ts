// Many requests become cases at once (a file of existing cases brought in: features/imports),
// the way createCase makes one: each case, its parties and its first events, and its deadlines
// worked out from them into the "what is due" index, all in the caller's transaction. A few
// statements for the whole lot instead of a dozen for each case; the settings and the calendar
// are read once. Each case needs a submission key: a case already made with it is answered, not
// made again.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/client.ts'
import { formatCaseReference } from '../../domain/case-reference.ts'
import { parseRequestFacts } from '../../domain/request-schema.ts'
import { currentCalendar, readSettings } from '../settings/index.ts'
import { firstEvents, newParties, type NewCase } from './create-case.ts'
import { deadlinesFrom } from './deadline-index.ts'
import { deadlineIndexRows } from './deadline-rows.ts'
import {
  authoritiesByIds,
  casesBySubmissionKeys,
  insertCases,
  insertDeadlineRows,
  insertEvents,
  insertManyParties,
  nextCaseNumbers,
} from './new-case-repository.ts'

export interface MadeCase {
  id: string
  reference: string
  submissionKey: string
  created: boolean
  /** The case's last event (its first events are all the import wrote). */
  lastEventId: number
}

type BulkCase = NewCase & { submissionKey: string }

export async function createCases(tx: Tx, clock: Clock, inputs: BulkCase[]): Promise<MadeCase[]> {
  if (!inputs.length) return []
  const existing = new Map(
    (
      await casesBySubmissionKeys(
        tx,
        inputs.map((i) => i.submissionKey),
      )
    ).map((c) => [c.submissionKey!, c]),
  )
  const fresh = inputs.filter((i) => !existing.has(i.submissionKey))
  const authorities = new Map(
    (await authoritiesByIds(tx, [...new Set(fresh.map((i) => i.localAuthorityId))])).map((a) => [a.id, a]),
  )
  const year = Number(clock.today().slice(0, 4))
  const numbers = await nextCaseNumbers(tx, fresh.length)
  const now = clock.now()
  const prepared = fresh.map((input, i) => {
    const authority = authorities.get(input.localAuthorityId)
    if (!authority) throw new Error(`There is no council ${input.localAuthorityId} to take the case`)
    const facts = parseRequestFacts(input.facts)
    return { input, facts, authority, reference: formatCaseReference(year, numbers[i]!) }
  })
  const inserted = await insertCases(
    tx,
    prepared.map(({ input, facts, authority, reference }) => ({
      reference,
      submissionKey: input.submissionKey,
      localAuthorityId: authority.id,
      channel: input.channel,
      receivedOn: input.contactedOn ?? clock.today(),
      childName: facts.child.name,
      childDateOfBirth: facts.child.dateOfBirth,
      childSetting: facts.child.setting,
      childPostcode: facts.child.postcode,
      ehcStatus: facts.ehcStatus,
      request: facts,
      createdAt: now,
      updatedAt: now,
    })),
  )
  const idOf = new Map(inserted.map((c) => [c.submissionKey!, c.id]))
  const made = prepared.filter((p) => idOf.has(p.input.submissionKey))

  const parties = await insertManyParties(
    tx,
    made.flatMap((p) => newParties(idOf.get(p.input.submissionKey)!, p.facts)),
  )
  const events = await insertEvents(
    tx,
    made.flatMap((p) =>
      firstEvents(p.input, p.facts, p.authority.name).map((e) => ({
        caseId: idOf.get(p.input.submissionKey)!,
        type: e.type,
        occurredOn: e.occurredOn ?? clock.today(),
        recordedAt: now,
        actorUserId: p.input.actor.userId,
        actorLabel: p.input.actor.label,
        data: e.data,
      })),
    ),
  )

  // The deadlines, as refreshDeadlineIndex works them out for one case.
  const settings = await readSettings(tx as never)
  const calendar = await currentCalendar(tx as never)
  const partiesOf = groupBy(parties, (p) => p.caseId)
  const eventsOf = groupBy(
    [...events].sort((a, b) => a.id - b.id),
    (e) => e.caseId,
  )
  const rows = made.flatMap((p) => {
    const caseId = idOf.get(p.input.submissionKey)!
    const inputs = {
      status: 'enquiry',
      receivedOn: p.input.contactedOn ?? clock.today(),
      cadence: p.authority.cadence,
      cadenceWorkingDays: p.authority.cadence ?? 10,
      events: eventsOf.get(caseId) ?? [],
      parties: partiesOf.get(caseId) ?? [],
      settings,
      calendar,
    }
    return deadlineIndexRows(deadlinesFrom(inputs, clock.today()), inputs, {
      calendar,
      chaserWorkingDays: settings.chaserWorkingDays,
    }).map((d) => ({ caseId, name: d.name, dueDate: d.dueDate, status: d.status, partyId: d.partyId }))
  })
  await insertDeadlineRows(tx, rows)

  const lastEvent = new Map<string, number>()
  for (const e of events) lastEvent.set(e.caseId, Math.max(lastEvent.get(e.caseId) ?? 0, e.id))
  const references = new Map(inserted.map((c) => [c.submissionKey!, c.reference]))
  return inputs.map((input) => {
    const found = existing.get(input.submissionKey)
    if (found)
      return {
        id: found.id,
        reference: found.reference,
        submissionKey: input.submissionKey,
        created: false,
        lastEventId: 0,
      }
    const id = idOf.get(input.submissionKey)
    // Made by another transaction between the look and the insert: the caller's transaction fails and is tried again.
    if (!id) throw new Error('A case with this submission key was made at the same moment')
    return {
      id,
      reference: references.get(input.submissionKey)!,
      submissionKey: input.submissionKey,
      created: true,
      lastEventId: lastEvent.get(id)!,
    }
  })
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = groups.get(k)
    if (list) list.push(item)
    else groups.set(k, [item])
  }
  return groups
}
