// The public "ask for help" journey: the answers kept in the session between pages, the order
// of the pages, which pages apply to whom, and where each page leads. Pages ask; this decides.
import type { FastifyRequest } from 'fastify'
import { isYoungPersonAge } from '../../domain/intake-age.ts'
import {
  needsPermission,
  type AdjustmentKind,
  type ContactMethod,
  type DisagreementArea,
  type EhcDecision,
  type EhcStatus,
  type OtherPartyKind,
  type RequesterRole,
  type RequestFacts,
} from '../../domain/request.ts'

/** What the person has answered so far, as each page saved it (already checked and tidied). */
export interface Answers {
  role?: RequesterRole
  name?: string
  organisation?: string
  permission?: 'yes' | 'no'
  permissionGivenBy?: string
  permissionGivenOn?: string
  parentName?: string
  childName?: string
  childDateOfBirth?: string
  childSetting?: string
  postcode?: string
  /**
   * The council the request is for (its id): the one the postcode is in when the service works
   * there, else the one they chose; 'none' when they live in none of those councils' areas.
   */
  council?: string
  ehcStatus?: EhcStatus
  areas?: DisagreementArea[]
  decision?: EhcDecision
  /** '' when they do not know it. */
  decisionLetterDate?: string
  /** For the council: `council` is the code of a council the service knows, or 'other' for a name typed in. */
  otherParties?: { kind: OtherPartyKind; name: string; council?: string }[]
  whatHappened?: string
  contact?: { methods: ContactMethod[]; email: string; phone: string; address: string; bestTimes: string }
  adjustments?: { kinds: AdjustmentKind[]; language: string; details: string }
  /** '' for nobody. */
  supporter?: string
}

export interface Sent {
  reference: string
  submissionKey: string
  /** The working day we promise to reply by. */
  replyBy: string
  /** Whether the child lives in the area of a council where the service is free. */
  inFreeArea: boolean
  /** The council the request is for (its id, for its contact details), unless they live in none of the areas. */
  councilId?: string
}

export interface JourneyState {
  answers: Answers
  /** Set once "Check your answers" has been shown: each page then returns there. */
  reviewing?: boolean
  /** The one-time key the check page's form carries, so that a repeated send makes one case. */
  submissionKey?: string
  /** The last request sent from this browser, for the confirmation page. */
  sent?: Sent
}

export function readState(request: FastifyRequest): JourneyState {
  const stored = request.session.request as Partial<JourneyState> | undefined
  return { ...stored, answers: { ...stored?.answers } }
}

export function writeState(request: FastifyRequest, state: JourneyState) {
  request.session.request = { ...state }
}

/** Professionals (not "someone else") must say which organisation they are from. */
export const needsOrganisation = (role: RequesterRole | undefined) =>
  !!role && needsPermission(role) && role !== 'other'

const asksForPermission = (a: Answers) => !!a.role && needsPermission(a.role)

export interface Step {
  slug: string
  path: string
  /** Whether the page is part of this person's journey, given their answers so far. */
  applies(a: Answers, today: string): boolean
  /** Whether it has a usable answer (pages that only tell people something always have). */
  answered(a: Answers, today: string): boolean
  /** Shown on the way, not a question. */
  info?: boolean
}

const always = () => true

/** The pages in order. */
export const steps: Step[] = [
  { slug: 'who', path: '/request', applies: always, answered: (a) => !!a.role },
  {
    slug: 'your-name',
    path: '/request/your-name',
    applies: always,
    answered: (a) => !!a.name && (!needsOrganisation(a.role) || !!a.organisation),
  },
  {
    slug: 'permission',
    path: '/request/permission',
    applies: asksForPermission,
    answered: (a) => a.permission === 'yes',
  },
  {
    slug: 'permission-details',
    path: '/request/permission-details',
    applies: (a) => asksForPermission(a) && a.permission === 'yes',
    answered: (a) => !!a.permissionGivenBy && !!a.permissionGivenOn,
  },
  {
    slug: 'child',
    path: '/request/child',
    applies: always,
    answered: (a, today) =>
      !!a.childName &&
      !!a.childDateOfBirth &&
      !!a.childSetting &&
      (a.role !== 'young-person' || isYoungPersonAge(a.childDateOfBirth, today)),
  },
  { slug: 'postcode', path: '/request/postcode', applies: always, answered: (a) => !!a.postcode },
  // Shown after the postcode whatever the answer: it names the council, or asks which it is.
  { slug: 'council', path: '/request/council', applies: always, answered: (a) => !!a.council, info: true },
  { slug: 'ehc-plan', path: '/request/ehc-plan', applies: always, answered: (a) => !!a.ehcStatus },
  { slug: 'about', path: '/request/about', applies: always, answered: (a) => !!a.areas?.length },
  {
    slug: 'decision',
    path: '/request/decision',
    applies: (a) => !!a.areas?.includes('ehc-decision'),
    answered: (a) => !!a.decision && a.decisionLetterDate !== undefined,
  },
  { slug: 'with', path: '/request/with', applies: always, answered: (a) => !!a.otherParties?.length },
  { slug: 'what-happened', path: '/request/what-happened', applies: always, answered: (a) => !!a.whatHappened },
  { slug: 'contact', path: '/request/contact', applies: always, answered: (a) => !!a.contact?.methods.length },
  { slug: 'adjustments', path: '/request/adjustments', applies: always, answered: (a) => !!a.adjustments },
  { slug: 'supporter', path: '/request/supporter', applies: always, answered: (a) => a.supporter !== undefined },
  { slug: 'check', path: '/request/check', applies: always, answered: () => false },
]

export const permissionNeededPath = '/request/permission-needed'
export const checkPath = '/request/check'
export const confirmationPath = '/request/confirmation'

export function stepFor(slug: string): Step {
  const step = steps.find((s) => s.slug === slug)
  if (!step) throw new Error(`no step ${slug}`)
  return step
}

/**
 * Where the person should be: the first page that applies and is not answered yet (the check
 * page once everything is), or the "you need permission" page if they said they do not have it.
 */
export function firstUnanswered(a: Answers, today: string): string {
  if (asksForPermission(a) && a.permission === 'no') return permissionNeededPath
  const step = steps.find((s) => s.applies(a, today) && !s.answered(a, today))
  return step?.path ?? checkPath
}

/** A page may be shown once every page before it that applies has been answered. */
export function canVisit(slug: string, a: Answers, today: string): boolean {
  const index = steps.findIndex((s) => s.slug === slug)
  const step = steps[index]
  if (!step?.applies(a, today)) return false
  return steps.slice(0, index).every((s) => !s.applies(a, today) || s.answered(a, today))
}

function nextApplicable(slug: string, a: Answers, today: string): Step | undefined {
  const index = steps.findIndex((s) => s.slug === slug)
  return steps.slice(index + 1).find((s) => s.applies(a, today))
}

/**
 * Where a page leads once answered: the next page that applies, or, when they came from
 * "Check your answers", back there (by way of any page a changed answer now needs).
 * A page that tells them something about their answer (the council) is always shown.
 */
export function nextPath(slug: string, state: JourneyState, today: string): string {
  const a = state.answers
  const next = nextApplicable(slug, a, today)
  if (next?.info && canVisit(next.slug, a, today)) return next.path
  if (state.reviewing || !next || !canVisit(next.slug, a, today)) return firstUnanswered(a, today)
  return next.path
}

/** The back link: to the check page when reviewing, otherwise the page before that applies. */
export function backPath(slug: string, state: JourneyState, today: string): string {
  if (state.reviewing) return checkPath
  const index = steps.findIndex((s) => s.slug === slug)
  const previous = steps
    .slice(0, index)
    .reverse()
    .find((s) => s.applies(state.answers, today))
  return previous?.path ?? '/'
}

/** The request as the case will hold it, or null while anything is missing. */
export function toFacts(a: Answers, today: string): RequestFacts | null {
  if (firstUnanswered(a, today) !== checkPath) return null
  const {
    role,
    name,
    childName,
    childDateOfBirth,
    childSetting,
    postcode,
    ehcStatus,
    areas,
    otherParties,
    whatHappened,
    contact,
    adjustments,
  } = a
  if (
    !role ||
    !name ||
    !childName ||
    !childDateOfBirth ||
    !childSetting ||
    !postcode ||
    !ehcStatus ||
    !areas ||
    !otherParties ||
    !whatHappened ||
    !contact ||
    !adjustments
  ) {
    return null
  }
  const asking = needsPermission(role)
  const decisionApplies = areas.includes('ehc-decision')
  return {
    requester: { role, name, ...(asking && a.organisation ? { organisation: a.organisation } : {}) },
    ...(asking ? { permission: { givenBy: a.permissionGivenBy!, givenOn: a.permissionGivenOn! } } : {}),
    ...(asking && a.parentName ? { parent: { name: a.parentName } } : {}),
    child: { name: childName, dateOfBirth: childDateOfBirth, setting: childSetting, postcode },
    ehcStatus,
    areas,
    ...(decisionApplies && a.decision
      ? { decision: { kind: a.decision, ...(a.decisionLetterDate ? { letterDate: a.decisionLetterDate } : {}) } }
      : {}),
    otherParties: otherParties.map((p) => (p.name ? { kind: p.kind, name: p.name } : { kind: p.kind })),
    whatHappened,
    contact: {
      methods: contact.methods,
      ...(contact.methods.includes('email') ? { email: contact.email } : {}),
      ...(contact.methods.includes('phone') || contact.methods.includes('text') ? { phone: contact.phone } : {}),
      ...(contact.methods.includes('post') ? { address: contact.address } : {}),
      ...(contact.bestTimes ? { bestTimes: contact.bestTimes } : {}),
    },
    adjustments: {
      kinds: adjustments.kinds,
      ...(adjustments.kinds.includes('interpreter') ? { language: adjustments.language } : {}),
      ...(adjustments.kinds.includes('other') ? { details: adjustments.details } : {}),
    },
    ...(a.supporter ? { supporter: a.supporter } : {}),
  }
}

/** Radio and checkbox items from one of the domain's word lists. */
export function optionsOf(words: Record<string, string>) {
  return Object.entries(words).map(([value, text]) => ({ value, text }))
}

/** "the child's" or "your", for labels and messages, depending on who is asking. */
export function childWords(a: Answers) {
  const self = a.role === 'young-person'
  return {
    self,
    possessive: self ? 'your' : "the child's",
    subject: self ? 'you' : 'the child or young person',
  }
}
