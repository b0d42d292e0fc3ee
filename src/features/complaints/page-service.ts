// What each complaints page shows, read in one call per page: the register, the form to record a
// complaint, and one complaint with its stages, deadlines, letters and record of every step.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  cmcDates,
  isLastStage,
  nextStage,
  outcomeNames,
  stageNames,
  statusNames,
  type ComplaintStage,
  type ComplaintStatus,
} from '../../domain/complaints.ts'
import { worksFor, type StaffUser } from '../../domain/staff.ts'
import { paginationItems } from '../../web/pagination.ts'
import { workingDaysText } from '../cases/index.ts'
import { channelLabel } from '../messages/index.ts'
import { currentCalendar } from '../settings/index.ts'
import { canSeeComplaint, councilsOf } from './access.ts'
import { eventWords } from './event-words.ts'
import { aboutNames, labelFor, prefersNames, receivedViaNames, routeNames } from './labels.ts'
import { nextStepText } from './letter.ts'
import {
  caseIdByReference,
  caseWithParties,
  complaintsAboutMediator,
  councilOptions,
  eventsOfComplaint,
  findComplaint,
  listComplaints,
  messagesByIds,
  namesFor,
  panelMediators,
  staffMembers,
  stagesOf,
  type RegisterFilter,
} from './repository.ts'

const PAGE_SIZE = 25

const statusTag: Record<ComplaintStatus, string> = {
  open: 'govuk-tag--blue',
  answered: 'govuk-tag--yellow',
  closed: 'govuk-tag--grey',
}

/** A deadline as the pages show it: the date, how far away, and a tag in words (not colour alone). */
function due(date: string, today: string, days: number) {
  const tag =
    date < today
      ? { text: 'Overdue', classes: 'govuk-tag--red' }
      : date === today
        ? { text: 'Due today', classes: 'govuk-tag--orange' }
        : { text: 'Due', classes: 'govuk-tag--grey' }
  return { date, text: workingDaysText(days, date, today), tag }
}

export function createComplaintPages({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** /complaints: the register, newest first, a page at a time. */
    async register(user: StaffUser, filter: RegisterFilter, page: number) {
      const councils = councilsOf(user)
      const [{ rows, total }, options] = await Promise.all([
        listComplaints(db, councils, filter, page, PAGE_SIZE),
        councilOptions(db, councils),
      ])
      const today = clock.today()
      const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE))
      const query = (n: number) => {
        const q = new URLSearchParams()
        if (filter.status) q.set('status', filter.status)
        if (filter.councilId) q.set('council', filter.councilId)
        if (n > 1) q.set('page', String(n))
        return `/complaints${q.size ? `?${q}` : ''}`
      }
      return {
        total,
        from: total ? (page - 1) * PAGE_SIZE + 1 : 0,
        to: Math.min(total, page * PAGE_SIZE),
        councils: options,
        pagination: lastPage > 1 ? { items: paginationItems(page, lastPage, query) } : undefined,
        rows: rows.map((r) => {
          const c = r.complaint
          const next = r.acknowledgeBy ?? r.respondBy
          return {
            id: c.id,
            reference: c.reference,
            receivedOn: c.receivedOn,
            complainant: c.complainantName,
            about: labelFor(aboutNames, c.about),
            council: r.council,
            caseReference: r.caseReference,
            stage: stageNames[c.stage as ComplaintStage],
            status: { text: statusNames[c.status as ComplaintStatus], classes: statusTag[c.status as ComplaintStatus] },
            next: next
              ? { what: r.acknowledgeBy ? 'Acknowledge by' : 'Answer by', date: next, overdue: next < today }
              : undefined,
          }
        }),
      }
    },

    /** /complaints/new: the choices the form offers; with a case, its parties. */
    async newForm(user: StaffUser, caseId: string | undefined) {
      const [councils, mediators, staff, found] = await Promise.all([
        councilOptions(db, councilsOf(user)),
        panelMediators(db),
        staffMembers(db),
        caseId ? caseWithParties(db, caseId) : undefined,
      ])
      const visible = found && worksFor(user, found.localAuthorityId) ? found : undefined
      return {
        councils,
        mediators: mediators.map((m) => ({ value: m.id, text: m.active ? m.name : `${m.name} (not taking cases)` })),
        staff: staff.map((s) => ({ value: s.id, text: s.name })),
        caseRow: visible && { id: visible.id, reference: visible.reference, childName: visible.childName },
        parties: (visible?.parties ?? []).map((p) => ({
          value: p.id,
          text: p.organisation ? `${p.name}, ${p.organisation}` : p.name,
        })),
        caseMissing: Boolean(caseId && !visible),
      }
    },

    /** The case with this reference, if this person may record a complaint about it. */
    async caseByReference(user: StaffUser, reference: string) {
      const id = await caseIdByReference(db, reference.trim().toUpperCase())
      const found = id ? await caseWithParties(db, id) : undefined
      return found && worksFor(user, found.localAuthorityId) ? found.id : undefined
    },

    /** /complaints/:id: everything about one complaint, or undefined when they may not see it. */
    async complaint(user: StaffUser, id: string) {
      const c = await findComplaint(db, id)
      if (!c || !canSeeComplaint(user, c)) return undefined
      const [names, stages, events, calendar] = await Promise.all([
        namesFor(db, c),
        stagesOf(db, id),
        eventsOfComplaint(db, id),
        currentCalendar(db),
      ])
      const letters = await messagesByIds(
        db,
        stages.flatMap((s) => (s.responseMessageId ? [s.responseMessageId] : [])),
      )
      const today = clock.today()
      const when = (date: string) => due(date, today, calendar.workingDaysBetween(today, date))
      const current = stages.find((s) => s.stage === c.stage)!
      const stage = c.stage as ComplaintStage
      const finalAnswer = isLastStage(stage) && current.respondedOn ? current : undefined
      return {
        complaint: c,
        names,
        via: labelFor(receivedViaNames, c.receivedVia),
        about: labelFor(aboutNames, c.about),
        prefers: labelFor(prefersNames, c.complainantPrefers),
        status: { text: statusNames[c.status as ComplaintStatus], classes: statusTag[c.status as ComplaintStatus] },
        stageName: stageNames[stage],
        current,
        stages: stages.map((s) => {
          const letter = letters.find((m) => m.id === s.responseMessageId)
          return {
            ...s,
            name: stageNames[s.stage as ComplaintStage],
            acknowledge: s.acknowledgedOn || s.respondedOn ? undefined : when(s.acknowledgeBy),
            respond: s.respondedOn ? undefined : when(s.respondBy),
            inTime: s.respondedOn ? s.respondedOn <= s.respondBy : undefined,
            outcomeName: s.outcome ? outcomeNames[s.outcome as keyof typeof outcomeNames] : undefined,
            routeName: s.nextRoute ? labelFor(routeNames, s.nextRoute) : undefined,
            letter: letter && {
              ...letter,
              channelText: channelLabel(letter.channel),
              href: letter.caseId ? `/cases/${letter.caseId}/messages/${letter.id}` : `/admin/messages/${letter.id}`,
            },
          }
        }),
        can: {
          acknowledge: !current.acknowledgedOn && !current.respondedOn,
          respond: !current.respondedOn,
          escalate: Boolean(current.respondedOn && nextStage(stage)),
        },
        nextStageName: nextStage(stage) ? stageNames[nextStage(stage)!] : undefined,
        cmc:
          finalAnswer && finalAnswer.nextRoute === 'cmc'
            ? { ...cmcDates(finalAnswer.respondedOn!, c.happenedOn), happenedOn: c.happenedOn }
            : undefined,
        nextStep: current.respondedOn
          ? nextStepText(
              stage,
              current.respondedOn,
              c.happenedOn,
              (current.nextRoute as 'cmc' | 'council' | null) ?? undefined,
              names.council,
            )
          : undefined,
        events: events.map((e) => ({ ...e, ...eventWords(e.type, e.data) })),
      }
    },

    /** The choices the details form offers. */
    async detailsOptions() {
      const [mediators, staff] = await Promise.all([panelMediators(db), staffMembers(db)])
      return {
        mediators: mediators.map((m) => ({ value: m.id, text: m.active ? m.name : `${m.name} (not taking cases)` })),
        staff: staff.map((s) => ({ value: s.id, text: s.name })),
      }
    },

    /** For a mediator's panel record: the complaints about them that this person may see. */
    async aboutMediator(user: StaffUser, mediatorId: string) {
      const rows = await complaintsAboutMediator(db, mediatorId, councilsOf(user))
      return rows.map((r) => ({
        ...r,
        stageName: stageNames[r.stage as ComplaintStage],
        statusName: statusNames[r.status as ComplaintStatus],
        outcomeName: r.outcome ? outcomeNames[r.outcome as keyof typeof outcomeNames] : undefined,
      }))
    },
  }
}

export type ComplaintPages = ReturnType<typeof createComplaintPages>
