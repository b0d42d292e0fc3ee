// The table of actions: one entry per action type, in the files named for each stage of a case.
// Adding an action is adding its type (actions.ts) and its entry here; TypeScript refuses a gap.
import { ACTION_TYPES, type ActionType } from './actions.ts'
import type { ActionRule } from './action-rule.ts'
import { chaseParty, inviteParty, recordWillingness, startWillingness } from './asking-parties.ts'
import { cannotArrange, issueCertificate } from './certificates.ts'
import { close, startFollowUp } from './closing.ts'
import { arrangeMeeting, cancelMeeting, conclude, holdMeeting } from './meeting.ts'
import { allocateMediator, startPreparation } from './preparation.ts'
import { chooseMediation, declineMediation, decideScope } from './scope-and-choice.ts'
import { reopen, withdraw } from './withdraw-and-reopen.ts'

const ACTION_RULES: { [T in ActionType]: ActionRule<T> } = {
  'decide-scope': decideScope,
  'choose-mediation': chooseMediation,
  'decline-mediation': declineMediation,
  'start-willingness': startWillingness,
  'invite-party': inviteParty,
  'chase-party': chaseParty,
  'record-willingness': recordWillingness,
  'allocate-mediator': allocateMediator,
  'start-preparation': startPreparation,
  'arrange-meeting': arrangeMeeting,
  'cancel-meeting': cancelMeeting,
  'hold-meeting': holdMeeting,
  conclude,
  'issue-certificate': issueCertificate,
  'cannot-arrange': cannotArrange,
  'start-follow-up': startFollowUp,
  close,
  withdraw,
  reopen,
}

export function ruleFor(type: ActionType): ActionRule<ActionType> {
  return ACTION_RULES[type]
}

/** Button text for staff screens. */
export const actionLabels = Object.fromEntries(ACTION_TYPES.map((type) => [type, ACTION_RULES[type].label])) as Record<
  ActionType,
  string
>

// Stored events are replayed by the entry of the action that made them, so each event type needs one maker.
const RULE_FOR_EVENT = new Map<string, ActionRule<ActionType>>()
for (const type of ACTION_TYPES) {
  const rule = ruleFor(type)
  if (RULE_FOR_EVENT.has(rule.event)) throw new Error(`Two actions make "${rule.event}" events.`)
  RULE_FOR_EVENT.set(rule.event, rule)
}

/** The entry whose event this is; undefined for events of other types. */
export function ruleForEvent(type: string): ActionRule<ActionType> | undefined {
  return RULE_FOR_EVENT.get(type)
}
