// The words staff see for a case's scope, status and channel. Unknown values (from later work)
// fall back to the stored value rather than to nothing.
import { statusLabels, type CaseStatus } from '../../domain/workflow.ts'

export type { CaseStatus }

export const caseScopes = {
  undecided: 'Not decided yet',
  'sen-mediation': 'SEN mediation',
  'disagreement-resolution': 'Disagreement resolution',
  both: 'SEN mediation and disagreement resolution',
  'out-of-scope': 'Out of scope',
} as const
export type CaseScope = keyof typeof caseScopes

/** The scopes a coordinator can decide (everything but "undecided"). */
export const decidedScopes = ['sen-mediation', 'disagreement-resolution', 'both', 'out-of-scope'] as const
export type DecidedScope = (typeof decidedScopes)[number]

/** Every status of the workflow (domain/workflow.ts), in its words. */
export const caseStatuses: Record<CaseStatus, string> = statusLabels

export const caseChannels = {
  online: 'Online',
  phone: 'Phone',
  email: 'Email',
} as const
export type CaseChannel = keyof typeof caseChannels

export const partyRoles = {
  parent: 'Parent or carer',
  'young-person': 'Young person',
  referrer: 'Asked for the family',
  'local-authority': 'Local authority',
  school: 'School, college or early years setting',
  health: 'Health service',
  'social-care': 'Social care',
} as const

export function labelOf(labels: Record<string, string>, key: string | null | undefined): string {
  if (!key) return ''
  return labels[key] ?? key
}

export const scopeLabel = (scope: string) => labelOf(caseScopes, scope)
export const statusLabel = (status: string) => labelOf(caseStatuses, status)
export const channelLabel = (channel: string) => labelOf(caseChannels, channel)

/** What a page says when the case changed after the form was shown (a stale version). */
export const staleMessage = 'Someone else changed this case while you were working on it. Check the case and try again.'
