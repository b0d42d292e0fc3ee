// The words for the events of the meeting record and the mediation agreement (features/agreements).
import { joinLines, str, type Describers } from './text.ts'

export const agreementEvents: Describers = {
  'meeting-recorded': (data) => ({
    title: 'The meeting was recorded',
    description: joinLines(
      typeof data.attended === 'number' ? `${data.attended} attended` : '',
      data.groundRulesAgreed === true ? 'Everyone agreed each ground rule.' : '',
      typeof data.privateSessions === 'number' && data.privateSessions > 0
        ? `Private sessions: ${data.privateSessions}`
        : '',
    ),
  }),
  'agreement-point-added': (data) => ({
    title: 'A point was added to the draft agreement',
    description: str(data.what),
  }),
  'agreement-point-changed': (data) => ({
    title: 'A point of the draft agreement was changed',
    description: str(data.what),
  }),
  'agreement-point-removed': (data) => ({
    title: 'A point was removed from the draft agreement',
    description: str(data.what),
  }),
  'agreement-points-reordered': () => ({
    title: 'The points of the draft agreement were put in a new order',
    description: '',
  }),
  'agreement-not-agreed-saved': (data) => ({
    title: 'What was not agreed was recorded',
    description: joinLines(
      typeof data.notAgreed === 'number'
        ? `${data.notAgreed} ${data.notAgreed === 1 ? 'issue' : 'issues'} not agreed`
        : '',
      data.checkInsAgreed === true ? 'Everyone agreed to check-ins.' : '',
    ),
  }),
  'agreement-accepted': (data) => ({
    title: `${str(data.party) || 'A party'} accepted the agreement`,
    description: data.how === 'portal' ? 'Online' : 'At the meeting',
  }),
  'agreement-finalised': (data) => ({
    // The copies are messages of their own (the Messages tab says what became of each).
    title: 'The agreement was made final',
    description: joinLines(
      Array.isArray(data.points) ? `${data.points.length} ${data.points.length === 1 ? 'point' : 'points'}` : '',
      data.acceptanceNote ? `Made final without every acceptance: ${str(data.acceptanceNote)}` : '',
    ),
  }),
  'agreement-check-in-sent': (data) => ({
    title: `Check-in sent: point ${typeof data.number === 'number' ? data.number : ''} of the agreement is due`.replace(
      'point  of',
      'a point of',
    ),
    description: str(data.what),
  }),
  'agreement-point-followed-up': (data) => ({
    title: `Point ${typeof data.number === 'number' ? `${data.number} ` : ''}of the agreement: ${({ kept: 'kept', late: 'kept late', 'not-kept': 'not kept' } as Record<string, string>)[str(data.outcome)] ?? 'followed up'}`,
    description: str(data.note),
  }),
  'case-outcome-recorded': (data) => ({
    title: 'The outcome of the case was recorded',
    description: joinLines(
      str(data.outcome).replace(/-/g, ' '),
      typeof data.pointsKept === 'number'
        ? `Points kept: ${data.pointsKept}; not kept: ${str(String(data.pointsNotKept ?? 0))}`
        : '',
    ),
  }),
}
