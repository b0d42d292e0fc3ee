// What each rights page shows, read in one call per page: the list of requests with where each
// stands, the form to record one, and one request with where the person was found (and, while
// searching, everyone who matches), its exports, and what stops an erasure.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { diffDays } from '../../domain/dates.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { closeNames, labelOf, partyRoles, recordAccess, visibleCases } from '../cases/index.ts'
import { canSeeRequest, councilsOf } from './access.ts'
import { erasureBlockers } from './erasure.ts'
import { EXPORT_KEPT_DAYS } from './export-service.ts'
import { findCandidates, nameTexts, type Candidate } from './find-repository.ts'
import { kindShort, statusOf, statusTags, type RightsKind } from './labels.ts'
import { councilChoices, matchedPeople, cursorOf, exportsOf, requestIn, requestsPage } from './repository.ts'

const PAGE_SIZE = 25

/** A deadline in calendar days, as the pages say it, with a tag in words (not colour alone). */
export function deadline(dueOn: string, today: string, done: boolean) {
  const days = diffDays(today, dueOn)
  const text = done
    ? ''
    : days === 0
      ? 'due today'
      : days > 0
        ? `in ${days} day${days === 1 ? '' : 's'}`
        : `${-days} day${days === -1 ? '' : 's'} overdue`
  const tag = done
    ? undefined
    : days < 0
      ? { text: 'Overdue', classes: 'govuk-tag--red' }
      : days === 0
        ? { text: 'Due today', classes: 'govuk-tag--orange' }
        : days <= 7
          ? { text: 'Due soon', classes: 'govuk-tag--yellow' }
          : undefined
  return { date: dueOn, text, tag }
}

export interface SearchAsked {
  name: string
  email: string
  phone: string
  dateOfBirth?: string
}

export function createRightsPages({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list(user: StaffUser, asked: { all: boolean; after?: string }) {
      const councils = councilsOf(user)
      const after = asked.after ? await cursorOf(db, councils, asked.after) : undefined
      const rows = await requestsPage(db, councils, { open: !asked.all, after, limit: PAGE_SIZE + 1 })
      const today = clock.today()
      const shown = rows.slice(0, PAGE_SIZE)
      const last = shown.at(-1)
      return {
        rows: shown.map((r) => ({
          ...r,
          kindText: kindShort[r.kind as RightsKind] ?? r.kind,
          status: statusTags[statusOf(r.status)],
          due: deadline(r.dueOn, today, !!r.completedAt),
        })),
        next:
          rows.length > PAGE_SIZE && last
            ? `/rights?${new URLSearchParams({ ...(asked.all ? { show: 'all' } : {}), after: last.reference })}`
            : undefined,
        first: asked.after ? `/rights${asked.all ? '?show=all' : ''}` : undefined,
      }
    },

    councils: (user: StaffUser) => councilChoices(db, councilsOf(user)),

    /** One request as its page shows it; undefined when this person may not see it. */
    async request(user: StaffUser, id: string, search?: SearchAsked) {
      const found = await requestIn(db, councilsOf(user), id)
      if (!found || !canSeeRequest(user, found.request)) return undefined
      const r = found.request
      const today = clock.today()
      // A look at the person's details, in the access log like a look at a case.
      await recordAccess(db, clock, { userId: user.id, caseId: null, path: `/rights/${r.id}`, action: 'view' })
      const { references, names } = await matchedPeople(db, r.matches)
      const [exports, blockers, candidates] = await Promise.all([
        r.kind === 'access' ? exportsOf(db, r.id) : [],
        r.kind === 'erasure' && !r.completedAt ? erasureBlockers(db, r.matches) : [],
        search ? this.candidates(user, search) : undefined,
      ])
      const caseIds = [...references.keys()]
      return {
        request: r,
        council: found.council,
        kindText: kindShort[r.kind as RightsKind] ?? r.kind,
        status: statusTags[statusOf(r.status)],
        due: deadline(r.dueOn, today, !!r.completedAt),
        matches: r.matches.map((m) => {
          const person = names.get(m.as === 'child' ? `${m.caseId}:child` : (m.partyId ?? ''))
          return {
            ...m,
            reference: references.get(m.caseId) ?? '',
            name: person?.name ?? '',
            email: person?.email ?? null,
            phone: person?.phone ?? null,
            dateOfBirth: person?.dateOfBirth ?? null,
            roleText: m.as === 'child' ? 'Child' : labelOf(partyRoles, person?.role),
          }
        }),
        cases: caseIds.map((caseId) => ({ caseId, reference: references.get(caseId)! })),
        exports,
        keptDays: EXPORT_KEPT_DAYS,
        blockers,
        candidates: candidates?.map((c) => ({
          ...c,
          key: matchKey(c),
          roleText: c.as === 'child' ? 'Child' : labelOf(partyRoles, c.role),
          chosen: r.matches.some((m) => matchKey(m) === matchKey(c)),
          why: [c.byName && 'name', c.byEmail && 'email', c.byPhone && 'phone', c.byDateOfBirth && 'date of birth']
            .filter(Boolean)
            .join(', '),
        })),
        searched: search,
      }
    },

    /** Everyone matching in the cases this person may see; the search is in the access log (never what for). */
    async candidates(user: StaffUser, search: SearchAsked): Promise<Candidate[]> {
      const names = search.name ? await closeNames(db, search.name) : []
      const texts = names.length
        ? await nameTexts(
            db,
            names.map((n) => n.id),
          )
        : []
      await recordAccess(db, clock, { userId: user.id, caseId: null, path: '/rights', action: 'search' })
      if (!texts.length && !search.email && !search.phone) return []
      return findCandidates(db, visibleCases(user), {
        names: texts,
        nameIds: names.map((n) => n.id),
        email: search.email,
        phone: search.phone,
        dateOfBirth: search.dateOfBirth,
      })
    },
  }
}

/** A person in a case, as a checkbox's value: "case:child" or "case:party:id". */
export const matchKey = (m: { caseId: string; as: 'child' | 'party'; partyId?: string | null }) =>
  m.as === 'child' ? `${m.caseId}:child` : `${m.caseId}:party:${m.partyId}`
