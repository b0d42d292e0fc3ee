import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { createShippedCalendar } from './calendar.ts'
import { computeDeadlines, type CaseEvent } from './clocks.ts'
import { PARTY_KINDS } from './willingness.ts'
import {
  ACTION_TYPES,
  CASE_STATUSES,
  CERTIFICATE_KINDS,
  OUTCOMES,
  SCOPES,
  WITHDRAWN_BY,
  WORKFLOW_EVENT_TYPES,
  availableActions,
  initialState,
  partyActions,
  refusalReason,
  replay,
  routeForScope,
  stateFromEvents,
  statusLabels,
  transition,
  type Action,
  type ActionType,
  type CaseState,
  type Scope,
  type WorkflowEvent,
} from './workflow.ts'

// --- helpers ---

interface Run {
  state: CaseState
  events: WorkflowEvent[]
}

/** Applies actions that must all succeed. */
function run(actions: Action[], from: Run = { state: initialState, events: [] }): Run {
  let { state } = from
  const events = [...from.events]
  for (const action of actions) {
    const result = transition(state, action)
    if (!result.ok) assert.fail(`"${action.type}" was refused at "${state.status}": ${result.reason}`)
    state = result.state
    events.push(result.event)
  }
  return { state, events }
}

function refused(state: CaseState, action: Action, reason: string | RegExp): void {
  const result = transition(state, action)
  assert.equal(result.ok, false, `expected "${action.type}" to be refused at "${state.status}"`)
  if (result.ok) return
  if (typeof reason === 'string') assert.equal(result.reason, reason)
  else assert.match(result.reason, reason)
}

const on = '2026-03-02'
const scope = (s: Scope): Action => ({ type: 'decide-scope', scope: s, reason: 'Triage at first contact' })
const invite = (party: (typeof PARTY_KINDS)[number]): Action => ({ type: 'invite-party', party, on, how: 'email' })
const answer = (
  party: (typeof PARTY_KINDS)[number],
  a: 'willing' | 'unwilling' | 'no-answer',
  reason?: string,
): Action =>
  reason === undefined
    ? { type: 'record-willingness', party, on: '2026-03-05', answer: a }
    : { type: 'record-willingness', party, on: '2026-03-05', answer: a, reason }
const allocate: Action = { type: 'allocate-mediator', mediator: 'Sam Mediator' }
const arrange: Action = { type: 'arrange-meeting', meetingDate: '2026-03-20' }
const withdraw = (
  by: 'parent' | 'young-person' | 'other-party' | 'service',
  reason = 'The family no longer wants to go ahead',
): Action => ({ type: 'withdraw', by, reason })

const senToMeeting: Action[] = [
  scope('sen-mediation'),
  { type: 'choose-mediation' },
  invite('local-authority'),
  allocate,
  { type: 'start-preparation' },
  arrange,
  { type: 'hold-meeting' },
]

const drToMeeting: Action[] = [
  scope('disagreement-resolution'),
  { type: 'start-willingness' },
  invite('school'),
  invite('local-authority'),
  answer('school', 'willing'),
  answer('local-authority', 'willing'),
  allocate,
  { type: 'start-preparation' },
  arrange,
  { type: 'hold-meeting' },
]

/** JSON round trip, as the events come back from case_events.data (jsonb). */
const stored = (events: WorkflowEvent[]) => JSON.parse(JSON.stringify(events)) as WorkflowEvent[]

// --- examples ---

describe('routes and labels', () => {
  it('chooses the route from the scope', () => {
    assert.equal(routeForScope('sen-mediation'), 'sen-mediation')
    assert.equal(routeForScope('both'), 'sen-mediation')
    assert.equal(routeForScope('disagreement-resolution'), 'disagreement-resolution')
    assert.equal(routeForScope('out-of-scope'), undefined)
  })

  it('has a plain-English label for every status', () => {
    for (const status of CASE_STATUSES) assert.ok(statusLabels[status].length > 0)
  })
})

describe('SEN mediation, end to end', () => {
  it('runs from enquiry to closed through agreement, certificate and follow-up', () => {
    const { state, events } = run([
      ...senToMeeting,
      { type: 'conclude', outcome: 'agreement' },
      { type: 'issue-certificate', kind: 'after-mediation' },
      { type: 'start-follow-up' },
      { type: 'close' },
    ])
    assert.equal(state.status, 'closed')
    assert.equal(state.route, 'sen-mediation')
    assert.equal(state.certificateIssued, 'after-mediation')
    assert.equal(state.certificateDue, undefined)
    assert.deepEqual(
      events.map((e) => e.type),
      [
        'scope-decided',
        'mediation-requested',
        'party-invited',
        'mediator-allocated',
        'preparation-started',
        'meeting-scheduled',
        'meeting-held',
        'mediation-concluded',
        'certificate-issued',
        'follow-up-started',
        'closed',
      ],
    )
    assert.deepEqual(events[0]?.data, { scope: 'sen-mediation', reason: 'Triage at first contact' })
    assert.deepEqual(events[5]?.data, { meetingDate: '2026-03-20', shorterNoticeAgreed: false, route: 'sen-mediation' })
  })

  it('passes through each status in order', () => {
    let r = run([])
    const seen: string[] = [r.state.status]
    for (const action of [
      ...senToMeeting,
      { type: 'conclude', outcome: 'partial' } as Action,
      { type: 'issue-certificate', kind: 'after-mediation' } as Action,
    ]) {
      r = run([action], r)
      seen.push(r.state.status)
    }
    assert.deepEqual(seen, [
      'enquiry',
      'scope-decided',
      'willingness',
      'willingness',
      'mediator-allocated',
      'preparation',
      'meeting-arranged',
      'meeting-held',
      'partial-agreement',
      'certificate-issued',
    ])
  })

  it('produces events the statutory clocks understand', () => {
    const { events } = run([
      scope('sen-mediation'),
      { type: 'choose-mediation', healthInIssue: true },
      ...senToMeeting.slice(2),
      { type: 'conclude', outcome: 'none' },
      { type: 'issue-certificate', kind: 'after-mediation' },
    ])
    const dates: Record<string, string> = {
      'mediation-requested': '2026-03-02',
      'meeting-scheduled': '2026-03-05',
      'mediation-concluded': '2026-03-20',
      'certificate-issued': '2026-03-24',
    }
    const dated: CaseEvent[] = events.map((e) => ({ ...e, date: dates[e.type] ?? '2026-03-02' }))
    const deadlines = computeDeadlines(dated, { calendar: createShippedCalendar() })
    const byName = Object.fromEntries(deadlines.map((d) => [d.name, d]))
    assert.equal(byName['mediation-held']?.status, 'met')
    assert.equal(byName['certificate']?.status, 'met')
    assert.equal(byName['meeting-notice']?.dueDate, '2026-03-13')
  })

  it('declining mediation makes the certificate due, and the case cannot close without it', () => {
    const declined = run([scope('both'), { type: 'decline-mediation' }])
    assert.equal(declined.state.status, 'declined')
    assert.equal(declined.state.certificateDue, 'declined')
    assert.equal(declined.events.at(-1)?.type, 'mediation-declined')
    refused(
      declined.state,
      { type: 'close' },
      'Issue the certificate first (it follows the parent or young person declining mediation): the parent or young person needs it to appeal to the SEND Tribunal.',
    )
    refused(
      declined.state,
      { type: 'issue-certificate', kind: 'after-mediation' },
      'The certificate due is the one after the parent or young person declining mediation, not after the end of mediation.',
    )
    refused(
      declined.state,
      { type: 'choose-mediation' },
      'The parent or young person has already made their choice: the case is at "Mediation declined: certificate due".',
    )
    const done = run([{ type: 'issue-certificate', kind: 'declined' }, { type: 'close' }], declined)
    assert.equal(done.state.status, 'closed')
    refused(
      run([{ type: 'issue-certificate', kind: 'declined' }], declined).state,
      { type: 'issue-certificate', kind: 'declined' },
      'A certificate has already been issued for this case (after the parent or young person declining mediation): a case has only one.',
    )
  })

  it('"cannot arrange within 30 days" makes the deemed certificate due', () => {
    const r = run([
      scope('sen-mediation'),
      { type: 'choose-mediation' },
      invite('local-authority'),
      allocate,
      { type: 'cannot-arrange', reason: 'No mediator free' },
    ])
    assert.equal(r.state.status, 'cannot-arrange')
    assert.equal(r.state.certificateDue, 'cannot-arrange')
    assert.deepEqual(r.events.at(-1), { type: 'cannot-arrange', data: { reason: 'No mediator free' } })
    const done = run([{ type: 'issue-certificate', kind: 'cannot-arrange' }], r)
    assert.equal(done.state.status, 'certificate-issued')
    refused(
      done.state,
      { type: 'start-follow-up' },
      'Follow-up is for an agreement reached at the meeting: the case is at "Mediation certificate issued".',
    )
  })

  it('refuses "unwilling" from the council or the health body, but lets a school decline to attend', () => {
    const r = run([
      scope('sen-mediation'),
      { type: 'choose-mediation' },
      invite('local-authority'),
      invite('health'),
      invite('school'),
    ])
    refused(
      r.state,
      answer('local-authority', 'unwilling', 'Too busy'),
      'The council cannot refuse SEN mediation: the law requires it to take part. If mediation cannot be arranged within 30 days, record that instead, so the certificate can be issued.',
    )
    refused(
      r.state,
      answer('health', 'unwilling', 'Not our issue'),
      /^The health body cannot refuse SEN mediation: the law requires it to take part\./,
    )
    const school = run([answer('school', 'unwilling', 'Head teacher unavailable')], r)
    assert.equal(school.state.status, 'willingness')
    assert.deepEqual(school.state.parties.school?.answered, {
      on: '2026-03-05',
      answer: 'unwilling',
      reason: 'Head teacher unavailable',
    })
    const on = run([allocate, { type: 'start-preparation' }, arrange], school)
    assert.equal(on.state.status, 'meeting-arranged')
  })

  it('needs the council or health body invited before the meeting is arranged', () => {
    const r = run([
      scope('sen-mediation'),
      { type: 'choose-mediation' },
      invite('school'),
      allocate,
      { type: 'start-preparation' },
    ])
    refused(
      r.state,
      arrange,
      'The meeting cannot be arranged until the council (or, for mediation only about health, the health body) has been asked to take part: record the invitation first.',
    )
  })

  it('refuses steps out of order, saying what comes first', () => {
    refused(initialState, { type: 'choose-mediation' }, 'Decide the scope first.')
    const chosen = run([scope('sen-mediation')]).state
    refused(
      chosen,
      { type: 'start-willingness' },
      "In SEN mediation, record the parent's or young person's choice to mediate: that starts contact with the other parties.",
    )
    refused(
      chosen,
      invite('school'),
      "Record the parent's or young person's choice first: to mediate, or to decline mediation.",
    )
    const allocated = run(senToMeeting.slice(0, 4)).state
    refused(allocated, arrange, 'Start preparation first: the mediator contacts every party before the meeting.')
    refused(
      allocated,
      { type: 'conclude', outcome: 'agreement' },
      'Record that the meeting was held first: the case is at "Mediator allocated".',
    )
    refused(allocated, { type: 'hold-meeting' }, 'Arrange the meeting first: the case is at "Mediator allocated".')
    refused(
      allocated,
      { type: 'close' },
      'The case is still in progress (Mediator allocated): withdraw it, with a reason, instead of closing it.',
    )
    const concluded = run([...senToMeeting, { type: 'conclude', outcome: 'agreement' }]).state
    refused(
      concluded,
      { type: 'start-follow-up' },
      'Issue the mediation certificate first: it is due within 3 working days of the mediation ending.',
    )
    refused(
      concluded,
      withdraw('parent'),
      'There is nothing left to withdraw from: the case is at "Agreement reached". Close the case instead, once the certificate is issued.',
    )
  })

  it('checks the details of an action', () => {
    refused(
      initialState,
      { type: 'decide-scope', scope: 'sen-mediation', reason: '  ' },
      'Give a reason for the scope decision.',
    )
    refused(
      initialState,
      { type: 'decide-scope', scope: 'maybe', reason: 'x' } as unknown as Action,
      'Choose a scope: SEN mediation, disagreement resolution, both, or out of scope.',
    )
    const r = run([scope('sen-mediation'), { type: 'choose-mediation' }, invite('school')]).state
    refused(r, invite('school'), 'The school or college was already invited, on 2026-03-02: record a chaser instead.')
    refused(r, answer('health', 'willing'), 'The health body has not been invited yet: record the invitation first.')
    // An answer dated before the invitation is the order rule's to refuse (event-order.test.ts).
    refused(
      r,
      { type: 'record-willingness', party: 'school', on: '2026-02-30', answer: 'willing' },
      'Give the date for the school or college as a real date (YYYY-MM-DD).',
    )
    refused(r, answer('school', 'unwilling'), 'Give the reason the school or college gave for not taking part.')
    refused(r, { type: 'allocate-mediator', mediator: '' }, 'Say which mediator is allocated.')
    refused(
      run([allocate, { type: 'start-preparation' }, invite('local-authority')], { state: r, events: [] }).state,
      { type: 'arrange-meeting', meetingDate: '20/03/2026' },
      'Give the meeting date as a real date (YYYY-MM-DD).',
    )
  })

  it('records chasers and answers per party', () => {
    const r = run([
      scope('sen-mediation'),
      { type: 'choose-mediation' },
      invite('local-authority'),
      { type: 'chase-party', party: 'local-authority', on: '2026-03-09' },
      { type: 'chase-party', party: 'local-authority', on: '2026-03-16' },
      answer('local-authority', 'willing'),
    ])
    assert.deepEqual(r.state.parties['local-authority'], {
      invited: { on: '2026-03-02', how: 'email' },
      chased: { on: '2026-03-16', count: 2 },
      answered: { on: '2026-03-05', answer: 'willing' },
    })
    refused(
      r.state,
      { type: 'chase-party', party: 'local-authority', on: '2026-03-20' },
      'Every invited party has answered: there is nobody to chase.',
    )
    assert.deepEqual(partyActions(r.state, 'local-authority'), ['record-willingness'])
    assert.deepEqual(partyActions(r.state, 'school'), ['invite-party'])
  })

  it('lets a mediator be replaced before the meeting', () => {
    const r = run([...senToMeeting.slice(0, 5), { type: 'allocate-mediator', mediator: 'Alex Other' }])
    assert.equal(r.state.status, 'preparation')
    assert.equal(r.state.mediator, 'Alex Other')
    assert.deepEqual(r.events.at(-1)?.data, { mediator: 'Alex Other', replaces: 'Sam Mediator' })
  })
})

describe('disagreement resolution, end to end', () => {
  it('runs from enquiry to closed without any certificate', () => {
    const { state, events } = run([
      ...drToMeeting,
      { type: 'conclude', outcome: 'partial' },
      { type: 'start-follow-up' },
      { type: 'close' },
    ])
    assert.equal(state.status, 'closed')
    assert.equal(state.certificateDue, undefined)
    assert.equal(state.certificateIssued, undefined)
    assert.ok(!events.some((e) => e.type === 'certificate-issued'))
    assert.deepEqual(events.map((e) => e.type).slice(0, 2), ['scope-decided', 'willingness-started'])
    assert.deepEqual(events.find((e) => e.type === 'mediation-concluded')?.data, {
      outcome: 'partial',
      route: 'disagreement-resolution',
    })
  })

  it('closes straight after "no agreement"', () => {
    const r = run([...drToMeeting, { type: 'conclude', outcome: 'none' }])
    assert.equal(r.state.status, 'no-agreement')
    refused(
      r.state,
      { type: 'start-follow-up' },
      'There is no agreement to follow up: close the case when everything is done.',
    )
    assert.equal(run([{ type: 'close' }], r).state.status, 'closed')
  })

  it('refuses certificates, declining and the 30-day rule', () => {
    const r = run([...drToMeeting, { type: 'conclude', outcome: 'agreement' }])
    for (const kind of CERTIFICATE_KINDS) {
      refused(
        r.state,
        { type: 'issue-certificate', kind },
        'A certificate is only issued in SEN mediation: disagreement resolution never affects the right to appeal.',
      )
    }
    const start = run([scope('disagreement-resolution')]).state
    refused(
      start,
      { type: 'decline-mediation' },
      'There is no certificate to decline mediation for: disagreement resolution never affects the right to appeal. If the family no longer wants it, withdraw the case with a reason.',
    )
    refused(start, { type: 'choose-mediation' }, /^This case is disagreement resolution/)
    refused(
      run([{ type: 'start-willingness' }], { state: start, events: [] }).state,
      { type: 'cannot-arrange' },
      /^Only SEN mediation must be arranged within 30 days/,
    )
  })

  it('does not arrange the meeting until every party is willing', () => {
    const r = run([
      scope('disagreement-resolution'),
      { type: 'start-willingness' },
      allocate,
      { type: 'start-preparation' },
    ])
    refused(
      r.state,
      arrange,
      'The meeting cannot be arranged until every party has said they are willing to take part: no other party has been asked yet.',
    )
    const asked = run([invite('local-authority'), invite('school'), answer('local-authority', 'willing')], r)
    refused(
      asked.state,
      arrange,
      'The meeting cannot be arranged until every party has said they are willing to take part (still waiting for: the school or college).',
    )
    assert.ok(!availableActions(asked.state).includes('arrange-meeting'))
    assert.equal(run([answer('school', 'willing'), arrange], asked).state.status, 'meeting-arranged')
  })

  it('stops when a party is unwilling, and can be reopened if that changes', () => {
    const r = run([
      scope('disagreement-resolution'),
      { type: 'start-willingness' },
      invite('school'),
      allocate,
      answer('school', 'unwilling', 'Prefers the complaints process'),
    ])
    assert.equal(r.state.status, 'could-not-proceed')
    assert.equal(r.state.statusBeforeStopping, 'mediator-allocated')
    refused(
      r.state,
      { type: 'start-preparation' },
      /^Disagreement resolution could not go ahead because not every party is willing to take part/,
    )
    assert.deepEqual(availableActions(r.state), ['close', 'reopen'])
    const back = run([{ type: 'reopen', reason: 'The school has changed its mind' }], r)
    assert.equal(back.state.status, 'mediator-allocated')
    assert.deepEqual(back.events.at(-1)?.data, {
      reason: 'The school has changed its mind',
      from: 'could-not-proceed',
      to: 'mediator-allocated',
    })
    const onward = run([answer('school', 'willing'), { type: 'start-preparation' }, arrange], back)
    assert.equal(onward.state.status, 'meeting-arranged')
  })

  it('stops when a party does not answer', () => {
    const r = run([
      scope('disagreement-resolution'),
      { type: 'start-willingness' },
      invite('health'),
      answer('health', 'no-answer'),
    ])
    assert.equal(r.state.status, 'could-not-proceed')
    assert.equal(run([{ type: 'close' }], r).state.status, 'closed')
  })

  it('lets another party withdraw, with no certificate', () => {
    const r = run([...drToMeeting.slice(0, 9), withdraw('other-party', 'The school no longer agrees to take part')])
    assert.equal(r.state.status, 'withdrawn')
    assert.equal(r.state.certificateDue, undefined)
    assert.equal(r.events.at(-1)?.data.certificateDue, false)
  })
})

describe('withdrawal and reopening', () => {
  it('needs a reason and who is withdrawing', () => {
    const state = run([scope('sen-mediation')]).state
    refused(state, withdraw('parent', ' '), 'Give a reason for withdrawing the case.')
    refused(
      state,
      { type: 'withdraw', by: 'someone', reason: 'x' } as unknown as Action,
      'Say who is withdrawing: the parent, the young person, another party, or the service.',
    )
    refused(state, withdraw('other-party'), /^In SEN mediation another party cannot withdraw the case/)
    const withdrawn = run([withdraw('parent')], { state, events: [] }).state
    refused(withdrawn, { type: 'reopen', reason: '' }, 'Give a reason for reopening the case.')
    refused(withdrawn, withdraw('parent'), 'The case was withdrawn: reopen it, with a reason, first.')
  })

  it('reopens back to the status before withdrawal', () => {
    for (let n = 1; n <= drToMeeting.length; n++) {
      const before = run(drToMeeting.slice(0, n))
      const withdrawn = run([withdraw('service', 'No contact for 6 weeks')], before)
      assert.equal(withdrawn.state.status, 'withdrawn')
      assert.equal(withdrawn.state.statusBeforeWithdrawal, before.state.status)
      assert.deepEqual(withdrawn.events.at(-1)?.data, {
        by: 'service',
        reason: 'No contact for 6 weeks',
        from: before.state.status,
        route: 'disagreement-resolution',
        certificateDue: false,
      })
      const reopened = run([{ type: 'reopen', reason: 'The parent got back in touch' }], withdrawn)
      assert.equal(reopened.state.status, before.state.status)
      assert.deepEqual(reopened.state, before.state)
    }
  })

  it('SEN: a parent withdrawing after choosing mediation is owed the change-of-mind certificate', () => {
    const r = run([...senToMeeting.slice(0, 5), withdraw('parent', 'Wants to go straight to the Tribunal')])
    assert.equal(r.state.certificateDue, 'change-of-mind')
    assert.equal(r.events.at(-1)?.data.certificateDue, true)
    refused(
      r.state,
      { type: 'close' },
      /^Issue the certificate first \(it follows the parent or young person withdrawing from mediation\)/,
    )
    assert.deepEqual(availableActions(r.state), ['issue-certificate', 'reopen'])
    const issued = run([{ type: 'issue-certificate', kind: 'change-of-mind' }], r)
    assert.equal(issued.state.status, 'withdrawn')
    assert.equal(issued.state.certificateIssued, 'change-of-mind')
    const closed = run([{ type: 'close' }], issued)
    // Reopening a case closed after withdrawal goes straight back to where it was before the withdrawal.
    const reopened = run([{ type: 'reopen', reason: 'Would like to try mediation after all' }], closed)
    assert.equal(reopened.state.status, 'preparation')
    // One certificate per case: the mediation can now end and close without another.
    const ended = run([arrange, { type: 'hold-meeting' }, { type: 'conclude', outcome: 'agreement' }], reopened)
    assert.equal(ended.state.certificateDue, undefined)
    assert.deepEqual(availableActions(ended.state), ['start-follow-up', 'close'])
  })

  it('SEN: no certificate is owed when the service withdraws, or before mediation was chosen', () => {
    assert.equal(run([...senToMeeting.slice(0, 3), withdraw('service')]).state.certificateDue, undefined)
    assert.equal(run([scope('sen-mediation'), withdraw('young-person')]).state.certificateDue, undefined)
  })

  it('SEN: reopening before the change-of-mind certificate is issued means it is no longer due', () => {
    const r = run([...senToMeeting.slice(0, 3), withdraw('parent'), { type: 'reopen', reason: 'Changed mind again' }])
    assert.equal(r.state.status, 'willingness')
    assert.equal(r.state.certificateDue, undefined)
  })

  it('a closed case only leaves "closed" by reopening, back to the status it was closed from', () => {
    const closed = run([
      ...drToMeeting,
      { type: 'conclude', outcome: 'agreement' },
      { type: 'start-follow-up' },
      { type: 'close' },
    ])
    assert.deepEqual(availableActions(closed.state), ['reopen'])
    refused(closed.state, { type: 'close' }, 'The case is closed: reopen it, with a reason, first.')
    refused(closed.state, scope('sen-mediation'), 'The case is closed: reopen it, with a reason, first.')
    assert.equal(
      run([{ type: 'reopen', reason: 'The agreement was not carried out' }], closed).state.status,
      'follow-up',
    )
  })

  it('only reopens a withdrawn, stopped or closed case', () => {
    refused(
      run([scope('sen-mediation')]).state,
      { type: 'reopen', reason: 'x' },
      'Only a withdrawn or closed case, or one that could not go ahead, can be reopened.',
    )
  })
})

describe('signposting', () => {
  it('an out-of-scope enquiry is signposted and can be closed, or re-triaged', () => {
    const r = run([scope('out-of-scope')])
    assert.equal(r.state.status, 'signposted')
    assert.equal(r.state.route, undefined)
    refused(r.state, withdraw('parent'), 'The enquiry was signposted to another service: close the case instead.')
    refused(r.state, { type: 'issue-certificate', kind: 'declined' }, /^A certificate is only issued in SEN mediation/)
    assert.equal(run([{ type: 'close' }], r).state.status, 'closed')
    assert.equal(run([scope('disagreement-resolution')], r).state.route, 'disagreement-resolution')
  })
})

describe('availableActions', () => {
  it('offers the next steps for each route', () => {
    assert.deepEqual(availableActions(initialState), ['decide-scope', 'withdraw'])
    assert.deepEqual(availableActions(run([scope('sen-mediation')]).state), [
      'decide-scope',
      'choose-mediation',
      'decline-mediation',
      'withdraw',
    ])
    assert.deepEqual(availableActions(run([scope('disagreement-resolution')]).state), [
      'decide-scope',
      'start-willingness',
      'withdraw',
    ])
    assert.deepEqual(availableActions(run(senToMeeting.slice(0, 2)).state), [
      'invite-party',
      'allocate-mediator',
      'cannot-arrange',
      'withdraw',
    ])
    assert.deepEqual(availableActions(run(drToMeeting.slice(0, 9)).state), [
      'invite-party',
      'record-willingness',
      'allocate-mediator',
      'arrange-meeting',
      'cancel-meeting',
      'hold-meeting',
      'withdraw',
    ])
  })

  it('a cancelled meeting takes the case back to preparation, and a new one can be arranged', () => {
    const arranged = run(drToMeeting.slice(0, 9)).state
    assert.equal(transition(arranged, { type: 'cancel-meeting', reason: ' ' }).ok, false)
    const cancelled = transition(arranged, { type: 'cancel-meeting', reason: 'The venue flooded', place: 'Room 1' })
    assert.ok(cancelled.ok)
    assert.deepEqual(cancelled.event, {
      type: 'meeting-cancelled',
      data: { meetingDate: arranged.meetingDate, place: 'Room 1', reason: 'The venue flooded' },
    })
    assert.equal(cancelled.state.status, 'preparation')
    assert.equal(cancelled.state.meetingDate, undefined)
    assert.equal(transition(cancelled.state, { type: 'cancel-meeting', reason: 'Again' }).ok, false)
    assert.ok(availableActions(cancelled.state).includes('arrange-meeting'))
  })

  it('explains a hidden action', () => {
    assert.equal(
      refusalReason(initialState, 'conclude'),
      'Record that the meeting was held first: the case is at "New enquiry".',
    )
    assert.equal(refusalReason(initialState, 'decide-scope'), undefined)
  })
})

describe('stateFromEvents', () => {
  it('rebuilds the state from stored events, skipping events of other types', () => {
    const { state, events } = run([...senToMeeting, { type: 'conclude', outcome: 'agreement' }])
    const history = [
      { type: 'decision-letter-sent', data: {} },
      { type: 'case-created', data: null },
      ...stored(events),
      { type: 'meeting-notice-sent' },
    ]
    assert.deepEqual(stateFromEvents(history), state)
    assert.deepEqual(replay(history), state)
  })

  it('a scope decision recorded for a case past triage changes neither its status nor its route', () => {
    const { state, events } = run(drToMeeting.slice(0, 3))
    const after = stateFromEvents([
      ...events,
      { type: 'scope-decided', data: { scope: 'both', reason: 'Also an EHC decision' } },
    ])
    assert.deepEqual(after, { ...state, scope: 'both' })
  })

  it('starts at a new enquiry', () => {
    assert.deepEqual(stateFromEvents([]), { status: 'enquiry', parties: {} })
  })

  it('keeps going past an event whose data makes no sense, rather than failing', () => {
    const state = stateFromEvents([
      { type: 'scope-decided', data: { scope: 'nonsense' } },
      { type: 'party-chased', data: { party: 'school', on: '2026-01-05' } },
      { type: 'willingness-recorded', data: { party: 'dragon', on: 'soon', answer: 'maybe' } },
    ])
    assert.deepEqual(state, initialState)
  })
})

// --- properties ---

const dates = fc.constantFrom('2026-03-02', '2026-03-09', '2026-02-27', '2026-02-30', 'next week')
const text = fc.constantFrom('A reason', '', '   ')
const party = fc.constantFrom<string>(...PARTY_KINDS, 'dragon')

/** Any action, details valid or not. */
const anyAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ type: fc.constant('decide-scope'), scope: fc.constantFrom<string>(...SCOPES, 'maybe'), reason: text }),
  fc.record({ type: fc.constant('choose-mediation'), healthInIssue: fc.boolean(), healthOnly: fc.boolean() }),
  fc.record({
    type: fc.constantFrom(
      'decline-mediation',
      'start-willingness',
      'start-preparation',
      'hold-meeting',
      'start-follow-up',
      'close',
    ),
  }),
  fc.record({ type: fc.constant('invite-party'), party, on: dates, how: fc.constantFrom('email', 'phone', 'pigeon') }),
  fc.record({ type: fc.constant('chase-party'), party, on: dates }),
  fc.record({
    type: fc.constant('record-willingness'),
    party,
    on: dates,
    answer: fc.constantFrom('willing', 'unwilling', 'no-answer', 'perhaps'),
    reason: text,
  }),
  fc.record({ type: fc.constant('allocate-mediator'), mediator: fc.constantFrom('Sam', 'Alex', '') }),
  fc.record({ type: fc.constant('arrange-meeting'), meetingDate: dates, shorterNoticeAgreed: fc.boolean() }),
  fc.record({ type: fc.constant('conclude'), outcome: fc.constantFrom<string>(...OUTCOMES, 'draw') }),
  fc.record({ type: fc.constant('issue-certificate'), kind: fc.constantFrom<string>(...CERTIFICATE_KINDS, 'gold') }),
  fc.record({ type: fc.constant('cannot-arrange'), reason: text }),
  fc.record({ type: fc.constant('withdraw'), by: fc.constantFrom<string>(...WITHDRAWN_BY, 'cat'), reason: text }),
  fc.record({ type: fc.constant('reopen'), reason: text }),
  fc.record({ type: fc.constant('teleport') }),
) as fc.Arbitrary<Action>

/** A mostly valid action of the given type, so that random walks reach every part of both routes. */
function plausible(state: CaseState, type: ActionType, v: number): Action {
  const partyKind = PARTY_KINDS[v % PARTY_KINDS.length]!
  switch (type) {
    case 'decide-scope':
      return { type, scope: SCOPES[v % SCOPES.length]!, reason: 'Triage' }
    case 'choose-mediation':
      return { type, healthInIssue: v % 2 === 0 }
    case 'invite-party':
      return { type, party: partyKind, on: '2026-03-02', how: 'email' }
    case 'chase-party':
      return { type, party: partyKind, on: '2026-03-09' }
    case 'record-willingness': {
      const answer = (['willing', 'willing', 'willing', 'unwilling', 'no-answer'] as const)[Math.floor(v / 4) % 5]!
      return { type, party: partyKind, on: '2026-03-10', answer, reason: 'Other commitments' }
    }
    case 'allocate-mediator':
      return { type, mediator: `Mediator ${v % 3}` }
    case 'arrange-meeting':
      return { type, meetingDate: '2026-04-01' }
    case 'cancel-meeting':
      return { type, reason: 'The venue flooded' }
    case 'conclude':
      return { type, outcome: OUTCOMES[v % OUTCOMES.length]! }
    case 'issue-certificate':
      return { type, kind: v % 5 === 0 ? CERTIFICATE_KINDS[v % 4]! : (state.certificateDue ?? 'declined') }
    case 'cannot-arrange':
      return { type }
    case 'withdraw':
      return { type, by: WITHDRAWN_BY[v % WITHDRAWN_BY.length]!, reason: 'Changed mind' }
    case 'reopen':
      return { type, reason: 'Asked again' }
    case 'close':
      return { type }
    default:
      return { type } as Action
  }
}

const SIDE_STEPS: readonly ActionType[] = [
  'decide-scope',
  'cannot-arrange',
  'cancel-meeting',
  'close',
  'withdraw',
  'reopen',
]

/** Checks every invariant along a run, and returns the run. */
function checkRun(pickAction: (state: CaseState, step: number) => Action, steps: number, seen?: Set<string>): Run {
  let state = initialState
  const events: WorkflowEvent[] = []
  for (let i = 0; i < steps; i++) {
    const action = pickAction(state, i)
    const result = transition(state, action)
    if (ACTION_TYPES.includes(action.type) && !availableActions(state).includes(action.type)) {
      assert.equal(result.ok, false, `"${action.type}" is not offered at "${state.status}" but was allowed`)
    }
    if (state.status === 'closed' && result.ok) {
      assert.equal(action.type, 'reopen', 'a closed case only leaves "closed" by reopening')
    }
    if (!result.ok) {
      assert.ok(result.reason.length > 10 && /[.)]$/.test(result.reason), `a refusal says why: ${result.reason}`)
      continue
    }
    assert.ok(
      (CASE_STATUSES as readonly string[]).includes(result.state.status),
      `undefined status ${result.state.status}`,
    )
    assert.ok((WORKFLOW_EVENT_TYPES as readonly string[]).includes(result.event.type))
    assert.deepEqual(stored([result.event])[0], result.event, 'event data is plain JSON')
    state = result.state
    events.push(result.event)
    seen?.add(state.status)
    seen?.add(result.event.type)
    if (state.route !== 'sen-mediation') {
      assert.equal(state.certificateDue, undefined)
      assert.equal(state.certificateIssued, undefined)
    }
    if (state.route === 'disagreement-resolution') assert.notEqual(result.event.type, 'certificate-issued')
  }
  assert.deepEqual(stateFromEvents(stored(events)), state, 'replaying the stored events gives the live state')
  return { state, events }
}

describe('properties', () => {
  it('random actions: statuses stay defined, each success is an event, replay matches, closed only leaves by reopen', () => {
    fc.assert(
      fc.property(fc.array(anyAction, { maxLength: 60, size: 'max' }), (actions) => {
        checkRun((_, i) => actions[i]!, actions.length)
      }),
      { numRuns: 300 },
    )
  })

  it('guided walks through both routes keep the same invariants', () => {
    const reached = new Set<string>()
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.noBias(fc.nat(9999)), fc.noBias(fc.nat(9999))), {
          minLength: 10,
          maxLength: 80,
          size: 'max',
        }),
        (picks) => {
          checkRun(
            (s, i) => {
              const [pick, v] = picks[i]!
              const offered = availableActions(s)
              // Half the time take the furthest step forward, so that walks get deep into both routes.
              const forward = offered.filter((type) => !SIDE_STEPS.includes(type)).at(-1)
              return plausible(s, pick % 2 === 0 && forward ? forward : offered[pick % offered.length]!, v)
            },
            picks.length,
            reached,
          )
        },
      ),
      // Enough walks that a rare branch (a meeting cancelled) is reached every run.
      { numRuns: 1500 },
    )
    // The walks do cover the workflow, so the invariants above mean something.
    for (const status of CASE_STATUSES)
      if (status !== 'enquiry') assert.ok(reached.has(status), `no walk reached "${status}"`)
    for (const type of WORKFLOW_EVENT_TYPES) assert.ok(reached.has(type), `no walk produced "${type}"`)
  })

  it('a DR case never has a certificate, whatever is tried', () => {
    fc.assert(
      fc.property(fc.array(anyAction, { maxLength: 40, size: 'max' }), (actions) => {
        const { state, events } = checkRun(
          (s, i) =>
            i === 0 ? scope('disagreement-resolution') : i === 1 ? { type: 'start-willingness' } : actions[i - 2]!,
          actions.length + 2,
        )
        // Once the parties are being asked, the route cannot change.
        assert.equal(state.route, 'disagreement-resolution')
        assert.equal(state.certificateDue, undefined)
        assert.equal(state.certificateIssued, undefined)
        assert.ok(!events.some((e) => e.type === 'certificate-issued'))
      }),
      { numRuns: 300 },
    )
  })
})

describe('untrusted input', () => {
  it('never throws on actions with missing or mistyped details', () => {
    const states = [
      initialState,
      run(senToMeeting).state,
      run(drToMeeting.slice(0, 9)).state,
      run([...senToMeeting, { type: 'conclude', outcome: 'agreement' }]).state,
    ]
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.object(),
    )
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTION_TYPES),
        fc.dictionary(
          fc.constantFrom(
            'scope',
            'reason',
            'party',
            'on',
            'how',
            'answer',
            'mediator',
            'meetingDate',
            'venue',
            'outcome',
            'kind',
            'by',
            'note',
          ),
          junk,
        ),
        fc.constantFrom(...states),
        (type, details, state) => {
          const result = transition(state, { ...details, type } as Action)
          if (result.ok) assert.deepEqual(stored([result.event])[0], result.event)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
