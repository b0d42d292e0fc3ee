// What each preparation page shows, read in one call per page (the reads in parallel), with the
// words for codes and dates as the page shows them.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { formatDate } from '../../web/format.ts'
import { sizeText, typeText } from '../../web/uploads.ts'
import type { CaseRow } from '../cases/index.ts'
import { contactMethods, gatheredByLabels, issueAreas, labelFor } from './labels.ts'
import { base } from './page.ts'
import {
  attendeesOf,
  childViewsOf,
  contactsOf,
  issuesOf,
  latestSummaries,
  preparingParties,
  summaryFile,
} from './repository.ts'
import { documentTypeOf, partyRoleLabels, summariesReleased, summaryVisibleTo } from './rules.ts'

/** Where the exchange of summaries stands, in words. */
export function releaseState(found: Pick<CaseRow, 'summariesReleasedAt' | 'summariesReleaseOn'>, today: string) {
  if (found.summariesReleasedAt) return `Released to every party on ${formatDate(found.summariesReleasedAt)}`
  if (summariesReleased(found, today))
    return `Released to every party on ${formatDate(found.summariesReleaseOn)} (the set date)`
  if (found.summariesReleaseOn)
    return `Not released yet: they will be released on ${formatDate(found.summariesReleaseOn)}`
  return 'Not released yet, and no release date set'
}

/** The warnings until someone with authority to agree is named for the council and the health body. */
export function authorityWarnings(
  parties: { id: string; role: string }[],
  people: { partyId: string; hasAuthorityToAgree: boolean }[],
): string[] {
  const named = (role: string) =>
    people.some((a) => a.hasAuthorityToAgree && parties.some((p) => p.id === a.partyId && p.role === role))
  const warnings: string[] = []
  if (!named('local-authority')) warnings.push('No one with authority to agree named for the council')
  if (parties.some((p) => p.role === 'health') && !named('health'))
    warnings.push('No one with authority to agree named for the health body')
  return warnings
}

const partyItemsOf = (parties: { id: string; label: string }[]) => parties.map((p) => ({ value: p.id, text: p.label }))

export function createPreparationPages({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** The Preparation tab: for each party, contacted, issues, summary, who comes; the child's voice; the release. */
    async overview(found: CaseRow) {
      const [parties, contacts, issues, summaries, people, childViews] = await Promise.all([
        preparingParties(db, found.id),
        contactsOf(db, found.id),
        issuesOf(db, found.id),
        latestSummaries(db, found.id),
        attendeesOf(db, found.id),
        childViewsOf(db, found.id),
      ])
      const rows = parties.map((party) => {
        const last = contacts.find((c) => c.partyId === party.id)
        const summary = summaries.get(party.id)
        return {
          id: party.id,
          label: party.label,
          role: partyRoleLabels[party.role] ?? party.role,
          lastContact: last ? `${formatDate(last.contactedOn)} (${labelFor(contactMethods, last.method)})` : undefined,
          issues: issues.filter((i) => i.partyId === party.id).length,
          summary: summary
            ? (summary.fileType ? 'Document uploaded' : 'Typed') + ` on ${formatDate(summary.submittedAt)}`
            : undefined,
          attendees: people.filter((a) => a.partyId === party.id).map((a) => a.name),
        }
      })
      return {
        parties: rows,
        notContacted: rows.filter((r) => !r.lastContact).map((r) => r.label),
        agendaItems: issues.filter((i) => !i.mergedIntoId).length,
        childViews: childViews[0],
        childViewsCount: childViews.length,
        release: releaseState(found, clock.today()),
      }
    },

    /** The log of contacts with each party. */
    async contacts(caseId: string) {
      const [parties, contacts] = await Promise.all([preparingParties(db, caseId), contactsOf(db, caseId)])
      return {
        parties: parties.map((p) => ({
          ...p,
          contacts: contacts
            .filter((c) => c.partyId === p.id)
            .map((c) => ({ ...c, method: labelFor(contactMethods, c.method) })),
        })),
        partyItems: partyItemsOf(parties),
      }
    },

    /** The agenda (with what was merged into each item), and the choices its forms offer. */
    async issues(caseId: string) {
      const [parties, issues] = await Promise.all([preparingParties(db, caseId), issuesOf(db, caseId)])
      const labelOf = (partyId: string) =>
        parties.find((p) => p.id === partyId)?.label ?? 'A party no longer in the case'
      const present = (i: (typeof issues)[number]) => ({
        ...i,
        party: labelOf(i.partyId),
        areaLabel: labelFor(issueAreas, i.area),
      })
      const agenda = issues
        .filter((i) => !i.mergedIntoId)
        .map((i) => ({ ...present(i), merged: issues.filter((m) => m.mergedIntoId === i.id).map(present) }))
      return {
        agenda,
        partyItems: partyItemsOf(parties),
        issueItems: [
          { value: '', text: 'Select an issue' },
          ...agenda.map((i, n) => ({
            value: i.id,
            text: `${n + 1}. ${i.text.length > 60 ? `${i.text.slice(0, 60)}…` : i.text}`,
          })),
        ],
        healthWarning: issues.some((i) => i.area === 'health') && !parties.some((p) => p.role === 'health'),
      }
    },

    /** The child's views as recorded, and the party roles they may be shared with. */
    async childViews(caseId: string) {
      const [parties, records] = await Promise.all([preparingParties(db, caseId), childViewsOf(db, caseId)])
      return {
        records: records.map((r) => ({
          ...r,
          gatheredByLabel: labelFor(gatheredByLabels, r.gatheredBy),
          sharedWith: r.consentToShare ? r.shareWith.map((role) => partyRoleLabels[role] ?? role) : [],
        })),
        roles: [...new Set(parties.map((p) => p.role))].map((role) => ({
          value: role,
          text: partyRoleLabels[role] ?? role,
        })),
      }
    },

    /** Who comes for each party, and what is still missing. */
    async attendees(caseId: string) {
      const [parties, people] = await Promise.all([preparingParties(db, caseId), attendeesOf(db, caseId)])
      return {
        parties: parties.map((p) => ({ ...p, attendees: people.filter((a) => a.partyId === p.id) })),
        warnings: authorityWarnings(parties, people),
        partyItems: partyItemsOf(parties),
      }
    },

    /** Each party's latest summary (staff read every one), and where the release stands. */
    async summaries(found: CaseRow) {
      const [parties, latest] = await Promise.all([preparingParties(db, found.id), latestSummaries(db, found.id)])
      const released = summariesReleased(found, clock.today())
      return {
        parties: parties.map((p) => {
          const s = latest.get(p.id)
          // Staff read every summary; summaryVisibleTo is the same rule the parties' portal uses.
          const visible = s && summaryVisibleTo({ kind: 'staff' }, s, released)
          return {
            ...p,
            summary:
              s && visible
                ? {
                    ...s,
                    typeText: typeText(s.fileType),
                    sizeText: sizeText(s.fileSize ?? 0),
                    href: `${base(found.id)}/summaries/${s.id}/download`,
                  }
                : undefined,
          }
        }),
        submitted: parties.filter((p) => latest.has(p.id)).length,
        released,
        release: releaseState(found, clock.today()),
        partyItems: partyItemsOf(parties),
      }
    },

    /** An uploaded summary's file, its type checked again from the bytes; undefined if there is none. */
    async summaryDownload(caseId: string, summaryId: string) {
      const row = await summaryFile(db, caseId, summaryId)
      const type = row?.file ? documentTypeOf(row.file) : undefined
      return row?.file && type ? { fileName: row.fileName, type, file: row.file } : undefined
    },
  }
}
