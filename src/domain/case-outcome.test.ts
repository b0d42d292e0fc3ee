import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { outcomeActions } from './case-outcome.ts'
import { initialState, transition, type Action, type CaseState } from './workflow.ts'

/** The state after actions that must all be allowed. */
function after(actions: Action[]): CaseState {
  let state = initialState
  for (const action of actions) {
    const result = transition(state, action)
    if (!result.ok) assert.fail(`"${action.type}" was refused at "${state.status}": ${result.reason}`)
    state = result.state
  }
  return state
}

const drMeetingHeld = after([
  { type: 'decide-scope', scope: 'disagreement-resolution', reason: 'Triage at first contact' },
  { type: 'start-willingness' },
  { type: 'invite-party', party: 'school', on: '2026-03-02', how: 'email' },
  { type: 'record-willingness', party: 'school', on: '2026-03-05', answer: 'willing' },
  { type: 'allocate-mediator', mediator: 'Sam Mediator' },
  { type: 'start-preparation' },
  { type: 'arrange-meeting', meetingDate: '2026-03-20' },
  { type: 'hold-meeting' },
])

const types = (planned: ReturnType<typeof outcomeActions>) =>
  'actions' in planned ? planned.actions.map((a) => a.type) : planned.refused

describe('the workflow actions that close a case with its outcome', () => {
  it('concludes a held meeting with the agreement reached, then closes', () => {
    const planned = outcomeActions(drMeetingHeld, { outcome: 'partial-agreement', reason: '' }, '')
    assert.deepEqual(types(planned), ['conclude', 'close'])
    assert.ok('actions' in planned)
    assert.deepEqual(planned.actions[0], { type: 'conclude', outcome: 'partial' })
  })

  it('withdraws first when the family withdrew, closing when the case may close', () => {
    const planned = outcomeActions(
      drMeetingHeld,
      { outcome: 'withdrawn', withdrawnBy: 'parent', reason: 'They moved away.' },
      '',
    )
    assert.equal(types(planned)[0], 'withdraw')
  })

  it('says why, in the workflow’s words, when the case cannot close that way', () => {
    const planned = outcomeActions(initialState, { outcome: 'full-agreement', reason: '' }, '')
    assert.ok('refused' in planned)
    assert.ok(planned.refused.length > 0)
  })

  it('names the party not willing in the reason the case was withdrawn', () => {
    const planned = outcomeActions(
      after([{ type: 'decide-scope', scope: 'disagreement-resolution', reason: 'Triage at first contact' }]),
      { outcome: 'could-not-proceed', unwillingPartyId: 'x', reason: '' },
      'the school (Brookfield Primary School)',
    )
    assert.ok('actions' in planned, types(planned).toString())
    const withdraw = planned.actions.find((a) => a.type === 'withdraw')
    assert.deepEqual(withdraw, {
      type: 'withdraw',
      by: 'service',
      reason: 'Could not go ahead: the school (Brookfield Primary School) was not willing to take part.',
    })
  })
})
