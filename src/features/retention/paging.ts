// The retention pages' keyset cursors: "the row after this one", in a query string.
import { z } from 'zod'

export const pageSize = 50

const uuid = z.guid()

/** A page of what is due starts after a day and a case: "2026-07-16_<case id>". */
export function readDueAfter(value: unknown) {
  const [closedOn, caseId] = typeof value === 'string' ? value.split('_') : []
  if (!closedOn || !/^\d{4}-\d{2}-\d{2}$/.test(closedOn) || !uuid.safeParse(caseId).success) return undefined
  return { closedOn, caseId: caseId! }
}

export const dueAfterText = (row: { closedOn: string; caseId: string }) => `${row.closedOn}_${row.caseId}`

/** A page of holds or runs starts after a moment and a row: "<ISO time>_<id>". */
export function readTimeAfter(value: unknown) {
  const [at, id] = typeof value === 'string' ? value.split('_') : []
  const when = at ? new Date(at) : undefined
  if (!when || Number.isNaN(when.getTime()) || !uuid.safeParse(id).success) return undefined
  return { at: when, id: id! }
}

export const timeAfterText = (at: Date, id: string) => `${at.toISOString()}_${id}`
