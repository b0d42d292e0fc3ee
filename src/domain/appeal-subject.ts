// What an appeal (and so the SEN mediation) is about: the council's decisions and the sections of
// the EHC plan in dispute, recorded with the scope decision. An appeal only about section I (the
// school, college or other placement named) needs no contact with the mediation adviser and no
// mediation certificate (CFA 2014 s.55(3); rules.md, "Two services, one front door"): then no such
// deadline is worked out.
import { z } from 'zod'
import { ehcDecisions, type EhcDecision } from './request.ts'

export const planSections = {
  B: 'Section B: the special educational needs',
  F: 'Section F: the special educational provision',
  I: 'Section I: the school, college or other placement named',
  G: 'Section G: the health provision',
  H1: 'Section H1: the social care provision under the Chronically Sick and Disabled Persons Act',
  H2: 'Section H2: other social care provision',
} as const
export type PlanSection = keyof typeof planSections
export const PLAN_SECTIONS = Object.keys(planSections) as [PlanSection, ...PlanSection[]]
export const EHC_DECISIONS = Object.keys(ehcDecisions) as [EhcDecision, ...EhcDecision[]]

/** scope_decisions.appeal_subject, and the scope-decided event's appealSubject. */
export interface AppealSubject {
  decisions: EhcDecision[]
  sections: PlanSection[]
}

/** What is stored: checked on every write (scope_decisions.appeal_subject, the event's data). */
export const appealSubjectSchema = z
  .object({
    decisions: z.array(z.enum(EHC_DECISIONS)),
    sections: z.array(z.enum(PLAN_SECTIONS)),
  })
  .strict()

/** Decisions that can be about nothing but the plan's contents. */
const CONTENTS_DECISIONS: readonly EhcDecision[] = ['plan-contents', 'refuse-amend']

/** Only about section I: the only section in dispute is I, and every decision is about the plan's contents. */
export function placementOnly(subject: AppealSubject | undefined | null): boolean {
  if (!subject) return false
  const sections = [...new Set(subject.sections)]
  return sections.length === 1 && sections[0] === 'I' && subject.decisions.every((d) => CONTENTS_DECISIONS.includes(d))
}

/** Reads an appealSubject back from stored event data (untrusted shape); undefined if there is none. */
export function appealSubjectOf(value: unknown): AppealSubject | undefined {
  if (!value || typeof value !== 'object') return undefined
  const { decisions, sections } = value as Record<string, unknown>
  const list = <T extends string>(v: unknown, allowed: readonly T[]) =>
    Array.isArray(v) ? v.filter((x): x is T => allowed.includes(x as T)) : []
  return { decisions: list(decisions, EHC_DECISIONS), sections: list(sections, PLAN_SECTIONS) }
}

export const placementOnlyNote =
  'The appeal is only about the school or placement named (section I): no contact with the mediation adviser and no mediation certificate are needed before appealing.'
