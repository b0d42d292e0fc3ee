// Feedback results for a period: of the parties whose meeting was held in it, how many answered
// the portal's survey, each question's answers, and the comments; for staff per mediator too, and
// with who said what; for a mediator, only their own meetings and never who said what.
//
// The portal's form (src/features/portal/feedback) promises no anonymity: it says only that the
// answers help improve the service and change nothing in the case. Mediators see no names anyway.
import type { Db } from '../../db/client.ts'
import type { FeedbackAnswers } from '../../db/schema/index.ts'
import { hasRole, type StaffUser } from '../../domain/staff.ts'
import { caseWorkers } from '../cases/index.ts'
import { partyLabel } from '../preparation/index.ts'
import { heardLabels, satisfactionLabels } from '../portal/index.ts'
import { feedbackOfCases, meetingsHeld, mediatorOfUser, partiesOfCases } from './feedback-repository.ts'
import { councilOptions, panelMediators } from './repository.ts'

export const questions = {
  satisfaction: 'Overall, how do you feel about the service you got?',
  heard: 'Did you feel listened to?',
} as const

const satisfactionScore: Record<FeedbackAnswers['satisfaction'], number> = {
  'very-satisfied': 5,
  satisfied: 4,
  neither: 3,
  dissatisfied: 2,
  'very-dissatisfied': 1,
}

const percent = (n: number, of: number) => (of ? Math.round((100 * n) / of) : 0)

type Answer = { partyId: string; caseId: string; answers: FeedbackAnswers; submittedAt: Date }

/** The figures for one set of meetings: response rate, each question's answers, the share positive. */
function summarise(asked: number, answers: Answer[]) {
  const responded = new Set(answers.map((a) => a.partyId)).size
  const count = <K extends string>(labels: Record<K, string>, pick: (a: FeedbackAnswers) => K) =>
    (Object.keys(labels) as K[]).map((key) => {
      const n = answers.filter((a) => pick(a.answers) === key).length
      return { key, label: labels[key], count: n, percent: percent(n, answers.length) }
    })
  const satisfied = answers.filter((a) => satisfactionScore[a.answers.satisfaction] >= 4).length
  const heard = answers.filter((a) => a.answers.heard === 'yes').length
  const total = answers.reduce((sum, a) => sum + (satisfactionScore[a.answers.satisfaction] ?? 0), 0)
  return {
    asked,
    responded,
    responses: answers.length,
    responseRate: percent(responded, asked),
    satisfaction: count(satisfactionLabels, (a) => a.satisfaction),
    heard: count(heardLabels, (a) => a.heard),
    satisfiedPercent: percent(satisfied, answers.length),
    heardPercent: percent(heard, answers.length),
    averageScore: answers.length ? Math.round((10 * total) / answers.length) / 10 : undefined,
  }
}

export interface FeedbackQuery {
  from: string
  to: string
  mediatorId?: string
  councilId?: string
}

export function createFeedbackResults({ db }: { db: Db }) {
  return {
    async results(user: StaffUser, query: FeedbackQuery) {
      const staff = hasRole(user, ...caseWorkers)
      // A mediator sees their own meetings only, whatever the council.
      const own = staff ? undefined : await mediatorOfUser(db, user.id)
      if (!staff && !own) return { staff, noProfile: true as const }
      const councils = staff
        ? query.councilId && (user.councils === 'all' || user.councils.includes(query.councilId))
          ? [query.councilId]
          : user.councils
        : 'all'
      const mediatorId = staff ? query.mediatorId : own!.id
      const held = await meetingsHeld(db, { councils, from: query.from, to: query.to, mediatorId })
      const caseIds = held.map((m) => m.caseId)
      const [parties, feedback, mediators, councilList] = await Promise.all([
        partiesOfCases(db, caseIds),
        feedbackOfCases(db, caseIds),
        staff ? panelMediators(db) : [],
        staff ? councilOptions(db, user.councils) : [],
      ])
      const answers: Answer[] = feedback.flatMap((f) =>
        'satisfaction' in f.answers ? [{ ...f, answers: f.answers }] : [],
      )
      const meetingOf = new Map(held.map((m) => [m.caseId, m]))
      const partyOf = new Map(parties.map((p) => [p.id, p]))
      const withComment = answers.filter((a) => a.answers.comment.trim())
      const comments = staff
        ? withComment.map((a) => {
            const party = partyOf.get(a.partyId)
            const meeting = meetingOf.get(a.caseId)
            return {
              text: a.answers.comment,
              from: party ? partyLabel(party) : '',
              reference: meeting?.reference,
              caseId: a.caseId,
              mediator: meeting?.mediatorName ?? 'No mediator',
              at: a.submittedAt,
            }
          })
        : // Without who, which case or when: in an order that says nothing about them.
          withComment.map((a) => ({ text: a.answers.comment })).sort((x, y) => x.text.localeCompare(y.text))
      const perMediator =
        staff && !mediatorId
          ? [...new Set(held.map((m) => m.mediatorId ?? ''))].map((id) => {
              const cases = new Set(held.filter((m) => (m.mediatorId ?? '') === id).map((m) => m.caseId))
              return {
                id,
                name: held.find((m) => (m.mediatorId ?? '') === id)?.mediatorName ?? 'No mediator',
                meetings: cases.size,
                ...summarise(
                  parties.filter((p) => cases.has(p.caseId)).length,
                  answers.filter((a) => cases.has(a.caseId)),
                ),
              }
            })
          : []
      perMediator.sort((a, b) => a.name.localeCompare(b.name))
      return {
        staff,
        own,
        meetings: held.length,
        summary: summarise(parties.length, answers),
        comments,
        perMediator,
        mediators: mediators.map((m) => ({ value: m.id, text: m.name })),
        councils: councilList,
        mediatorName: mediatorId ? (own?.name ?? mediators.find((m) => m.id === mediatorId)?.name) : undefined,
      }
    },
  }
}
