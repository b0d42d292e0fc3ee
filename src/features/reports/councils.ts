// Who may see reports, and for which councils. Managers and administrators of the provider (a
// coordinator runs cases day to day; reports are a manager's work, as the roles say), and a
// council's commissioners, for their own council only. An administrator may ask for every council
// together, and a manager who works for several for all of theirs.
import type { Db } from '../../db/client.ts'
import { hasRole, roles, type Role, type StaffUser } from '../../domain/staff.ts'
import { councilsFor, everyCouncilId, type CouncilRow } from './councils-repository.ts'
import type { CouncilFilter } from './case-facts-repository.ts'

export const reportViewers: readonly Role[] = ['manager', 'administrator', 'commissioner']

/** A council's commissioner (no role of the provider's): sees figures only, never free text. */
export const figuresOnly = (user: StaffUser) => !hasRole(user, ...roles)

export const ALL = 'all'

export interface CouncilChoice {
  /** A council's id, or 'all'. */
  value: string
  name: string
  /** For file names: the council's code, or all-councils. */
  code: string
  /** The councils whose cases it counts. */
  councils: CouncilFilter
  /** The same, as ids (every council there is, for an administrator's 'all'): what a report run keeps. */
  ids: string[]
}

const one = (c: CouncilRow): CouncilChoice => ({
  value: c.id,
  name: c.name,
  code: c.code,
  councils: [c.id],
  ids: [c.id],
})

/** The councils this person may have a report for, by name; 'all' first where they may ask for it. */
export async function councilChoices(db: Db, user: StaffUser): Promise<CouncilChoice[]> {
  if (user.councils === 'all') {
    const every = await councilsFor(db, [], true)
    const ids = await everyCouncilId(db)
    return [{ value: ALL, name: 'All councils', code: 'all-councils', councils: 'all', ids }, ...every.map(one)]
  }
  const mine = (await councilsFor(db, user.councils)).map(one)
  if (mine.length > 1 && !figuresOnly(user)) {
    const ids = mine.map((c) => c.value)
    return [{ value: ALL, name: 'All your councils', code: 'all-councils', councils: ids, ids }, ...mine]
  }
  return mine
}

/** The choice for a value from a form or a URL, if this person may have it. */
export async function councilChoice(db: Db, user: StaffUser, value: unknown): Promise<CouncilChoice | undefined> {
  if (typeof value !== 'string') return undefined
  return (await councilChoices(db, user)).find((c) => c.value === value)
}

/** Whether this person may read a report run of these councils. */
export function mayReadRun(user: StaffUser, run: { requestedBy: string; councilIds: readonly string[] }): boolean {
  const everyCouncil = run.councilIds.every((id) => user.councils === 'all' || user.councils.includes(id))
  return everyCouncil && (run.requestedBy === user.id || hasRole(user, 'administrator'))
}
